/**
 * Feed dates to ISO 8601 UTC ('2005-12-31T04:47:03.000Z'). Feeds use RFC 822/2822 (RSS pubDate:
 * 'Sat, 31 Dec 2005 13:47:03 +0900') and ISO 8601/W3C-DTF (Atom, dc:date: '2006-01-03T04:02:09+09:00').
 * Anything else — or a date that does not exist, or a time zone name that is not known — is null:
 * no date beats a wrong one. Date.parse is not used, as it guesses (it reads '2' as the year 2001).
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Offsets in minutes of the zone names feeds use; RFC 822's own plus common unambiguous ones. */
const ZONE_OFFSETS: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, WET: 0,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  AKST: -540, AKDT: -480, HST: -600,
  BST: 60, CET: 60, CEST: 120, MET: 60, MEST: 120, WEST: 60, EET: 120, EEST: 180, MSK: 180,
  HKT: 480, SGT: 480, AWST: 480, JST: 540, KST: 540, ACST: 570, AEST: 600, AEDT: 660, NZST: 720, NZDT: 780,
};

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?$/;

const RFC822_DATE = new RegExp(
  '^(?:[A-Za-z]{2,9}\\.?,?\\s*)?' + // optional day name
    '(\\d{1,2})[\\s-]+([A-Za-z]{3,9})\\.?[\\s-]+(\\d{2}|\\d{4})' + // 31 Dec 2005
    '(?:,?\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?' + // 13:47:03
    '\\s*([+-]\\d{2}:?\\d{2}|[A-Za-z]{1,5})?(?:\\s*\\([^)]*\\))?)?$', // +0900, GMT, (comment)
);

export function parseFeedDate(raw: string | null | undefined): string | null {
  const value = raw?.trim();
  if (!value || value.length > 64) return null;
  return parseIsoDate(value) ?? parseRfc822Date(value);
}

function parseIsoDate(value: string): string | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', zone = 'Z'] = match;
  const offset = zoneOffsetMinutes(zone);
  if (offset === null) return null;
  const milliseconds = Number(fraction.padEnd(3, '0').slice(0, 3));
  return toUtcIso(Number(year), Number(month), Number(day), Number(hour), Number(minute), Number(second), milliseconds, offset);
}

function parseRfc822Date(value: string): string | null {
  const match = RFC822_DATE.exec(value);
  if (!match) return null;
  const [, day, monthName, yearText, hour = '0', minute = '0', second = '0', zone = 'GMT'] = match;
  const month = MONTHS.indexOf(monthName.slice(0, 3).toLowerCase()) + 1;
  if (month === 0) return null;
  let year = Number(yearText);
  if (yearText.length === 2) year += year < 50 ? 2000 : 1900;
  const offset = zoneOffsetMinutes(zone);
  if (offset === null) return null;
  return toUtcIso(year, month, Number(day), Number(hour), Number(minute), Number(second), 0, offset);
}

function zoneOffsetMinutes(zone: string): number | null {
  const numeric = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (numeric) {
    const [, sign, hours, minutes = '0'] = numeric;
    if (Number(hours) > 14 || Number(minutes) > 59) return null;
    return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
  }
  const upper = zone.toUpperCase();
  if (upper in ZONE_OFFSETS) return ZONE_OFFSETS[upper] ?? null;
  // RFC 822 military zones other than Z have their signs the wrong way round; RFC 2822 says
  // to read them as unknown (-0000), i.e. UTC.
  if (/^[A-IK-Y]$/.test(upper)) return 0;
  return null;
}

function toUtcIso(
  year: number, month: number, day: number,
  hour: number, minute: number, second: number, milliseconds: number,
  offsetMinutes: number,
): string | null {
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 24 || minute > 59 || second > 60 || (hour === 24 && (minute > 0 || second > 0))) return null;
  const leapSecondClamped = Math.min(second, 59);
  const utc = Date.UTC(year, month - 1, day, hour, minute, leapSecondClamped, milliseconds) - offsetMinutes * 60_000;
  const date = new Date(utc);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
