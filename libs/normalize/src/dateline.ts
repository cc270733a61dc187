import type { Dateline } from '@wirestream/contracts';
import { isKnownAgency } from './agencies';

/**
 * The dateline that opens wire copy: `TOKYO, Jan 6 (KUNA) --`, `SEOUL, Jan. 6 (Yonhap) --`,
 * `WASHINGTON (AP) —`, `LONDON (Reuters) -`, `BEIRUT, Lebanon (AP) —`. It is metadata about the
 * story, so it leaves the body and goes to `dateline`.
 */

const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const WEEKDAY = String.raw`(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day`;
const DATE = String.raw`(?:${MONTH}\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+${MONTH}(?:,?\s+\d{4})?|${WEEKDAY})`;
/** A word in capitals that really ends there ("US" in "US Secretary" is not a place). */
const CAPS_WORD = String.raw`\p{Lu}[\p{Lu}\p{M}'’.\-]*(?!\p{Ll})`;
const TITLE_WORD = String.raw`\p{Lu}[\p{L}\p{M}'’.\-]*`;
const CAPS_PLACE = String.raw`${CAPS_WORD}(?:\s+${CAPS_WORD}){0,4}`;
const TITLE_PLACE = String.raw`${TITLE_WORD}(?:\s+${TITLE_WORD}){0,3}`;
const AGENCY = String.raw`\(([^()\n]{1,40})\)`;
/** `--`, an em or en dash, or a lone hyphen with spaces around it (so "COVID-19" is not one). */
const SEPARATOR = String.raw`(?:\s*(?:-{2,3}|[—–―])\s*|\s+-\s+)`;

/** Place in capitals: the classic dateline; agency optional ("WASHINGTON —"). */
const CAPS_DATELINE = new RegExp(
  String.raw`^(${CAPS_PLACE})(?:,\s*(${TITLE_PLACE}))?(?:,\s*(${DATE}))?(?:\s*${AGENCY})?${SEPARATOR}`,
  'u',
);
/** Place in ordinary case ("Paris (AFP) -"): only with an agency, and a date or a known agency. */
const TITLE_DATELINE = new RegExp(
  String.raw`^(${TITLE_PLACE})(?:,\s*(${TITLE_PLACE}))?(?:,\s*(${DATE}))?\s*${AGENCY}${SEPARATOR}`,
  'u',
);

/** A dateline sits in the first few words; matching on a bounded prefix keeps the regexes cheap. */
const DATELINE_WINDOW = 200;

export interface DatelineMatch {
  dateline: Dateline;
  /** The paragraph with the dateline taken off. */
  rest: string;
}

export function readDateline(paragraph: string): DatelineMatch | null {
  const head = paragraph.slice(0, DATELINE_WINDOW);
  const caps = CAPS_DATELINE.exec(head);
  const title = caps ? null : TITLE_DATELINE.exec(head);
  const match = caps ?? title;
  if (!match) return null;
  const [whole, place = '', region, dateText, agency] = match;
  if (place.replace(/[^\p{L}]/gu, '').length < 2) return null;
  if (title && !dateText && !(agency && isKnownAgency(agency))) return null;
  return {
    dateline: {
      place: region ? `${place}, ${region}` : place,
      dateText: dateText ?? null,
      agency: agency?.trim() || null,
    },
    rest: paragraph.slice(whole.length).trim(),
  };
}
