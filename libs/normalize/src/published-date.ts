import * as chrono from 'chrono-node';

/**
 * Dates as the article contract stores them: an ISO date-time with its offset when the source
 * gives a time and a zone (kept as printed when already in that form, else converted to UTC), a
 * calendar date ('2025-01-06') when it gives only a day. A time without a zone is not an instant,
 * so it is cut back to its date rather than guessed at.
 */

/** Already in the contract's form: kept exactly as the source printed it, offset and all. */
const CONTRACT_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)\s?(Z|[+-]\d{2}:?\d{2})?$/i;
const MAX_DATE_TEXT_CHARS = 100;
const PARSE_REFERENCE = new Date(Date.UTC(2024, 6, 1));

/** A date string from page metadata, a <time> element or a feed, as ISO; null when unreadable. */
export function toIsoDate(text: string | null | undefined): string | null {
  const value = text?.trim() ?? '';
  if (!value || value.length > MAX_DATE_TEXT_CHARS) return null;
  const plainDate = validIsoDate(value);
  if (plainDate) return plainDate;

  if (CONTRACT_DATE_TIME.test(value) && validIsoDate(value.slice(0, 10)) && !Number.isNaN(Date.parse(value))) return value;

  const iso = ISO_DATE_TIME.exec(value);
  if (iso) {
    const [, day = '', time = '', zone] = iso;
    if (!validIsoDate(day)) return null;
    if (!zone) return day;
    const offset = zone.toUpperCase() === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
    const instant = new Date(`${day}T${time}${offset}`);
    return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
  }

  // Anything else ("Mon, 06 Jan 2025 10:00:00 +0900", "January 6, 2025"): the year must be printed
  // (chrono would read "yesterday" against today's clock), and the time counts only with its zone.
  if (!/\b\d{4}\b/.test(value)) return null;
  const parsed = chrono.parse(value)[0]?.start;
  if (!parsed || !parsed.isCertain('year') || !parsed.isCertain('month') || !parsed.isCertain('day')) return null;
  if (parsed.isCertain('hour') && parsed.isCertain('timezoneOffset')) return parsed.date().toISOString();
  return isoDay(parsed.get('year') ?? 0, parsed.get('month') ?? 0, parsed.get('day') ?? 0);
}

/**
 * The calendar date a dateline's date text ("Jan 6", "Dec. 31", "Monday", "Jan 6, 2025") stands
 * for. Without a year it is the most recent such date not after the reference date; without a
 * reference date and a year it is unknown (null), never guessed from today's clock.
 *
 * "Not after the reference" is judged in the dateline's own time zone, which we do not know: a
 * Tokyo story dated Jan 7 can be fetched at 20:00 UTC on Jan 6. So the latest date allowed is
 * the reference instant's date at UTC+14, the most advanced zone on Earth.
 */
export function resolveDatelineDate(dateText: string, referenceDate?: Date): string | null {
  // "Jan 6", "Sept. 30, 2024": most datelines, read without chrono, which costs a millisecond a call.
  const quick = MONTH_DAY.exec(dateText.trim());
  const quickMonth = quick ? MONTHS.indexOf(quick[1].slice(0, 3).toLowerCase()) + 1 : 0;
  if (quick && quickMonth > 0) {
    const day = Number(quick[2]);
    if (quick[3]) return isoDay(Number(quick[3]), quickMonth, day);
    const latest = latestDayAllowed(referenceDate);
    return latest ? latestOnOrBefore(quickMonth, day, latest) : null;
  }

  // Only month, day, weekday and a printed year are read from the text, so it is parsed against a
  // fixed leap year: against a common year chrono rejects "Feb 29" outright.
  const parsed = chrono.parse(dateText, PARSE_REFERENCE)[0]?.start;
  if (!parsed) return null;
  if (parsed.isCertain('year') && parsed.isCertain('month') && parsed.isCertain('day')) {
    return isoDay(parsed.get('year') ?? 0, parsed.get('month') ?? 0, parsed.get('day') ?? 0);
  }
  if (!referenceDate || Number.isNaN(referenceDate.getTime())) return null;

  const latest = new Date(referenceDate.getTime() + 14 * 3600_000);
  const latestDay = Date.UTC(latest.getUTCFullYear(), latest.getUTCMonth(), latest.getUTCDate());

  if (parsed.isCertain('month') && parsed.isCertain('day')) {
    return latestOnOrBefore(parsed.get('month') ?? 0, parsed.get('day') ?? 0, latest);
  }
  if (parsed.isCertain('weekday')) {
    const weekday = parsed.get('weekday') ?? 0;
    const daysBack = (latest.getUTCDay() - weekday + 7) % 7;
    return new Date(latestDay - daysBack * 86_400_000).toISOString().slice(0, 10);
  }
  return null;
}

function isoDay(year: number, month: number, day: number): string | null {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return validIsoDate(text);
}

/** The text itself when it is a real calendar date (not 2025-02-30), else null. */
export function validIsoDate(text: string | undefined): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text ?? '');
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? match[0] : null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_DAY =
  /^(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?$/i;

/** The latest calendar day a dateline can carry when fetched at `referenceDate` (its date at UTC+14). */
function latestDayAllowed(referenceDate?: Date): Date | null {
  if (!referenceDate || Number.isNaN(referenceDate.getTime())) return null;
  return new Date(referenceDate.getTime() + 14 * 3600_000);
}

/** The most recent `month`/`day` not after `latest`'s date. */
function latestOnOrBefore(month: number, day: number, latest: Date): string | null {
  const latestDay = Date.UTC(latest.getUTCFullYear(), latest.getUTCMonth(), latest.getUTCDate());
  // Walk back a year at a time; Feb 29 may need up to eight years to land on a leap year.
  for (let year = latest.getUTCFullYear(); year > latest.getUTCFullYear() - 9; year--) {
    const candidate = isoDay(year, month, day);
    if (candidate && Date.parse(candidate) <= latestDay) return candidate;
  }
  return null;
}
