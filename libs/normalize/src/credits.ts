import { KNOWN_AGENCY_NAMES, isKnownAgency, readableAgencyName } from './agencies';
import { captionCredits } from './captions';

/**
 * Agencies the copy credits for its information: "..., Yonhap News Agency reported.",
 * "according to Reuters", a "[YONHAP]" photo credit, "By ..., Associated Press". A bare mention of
 * an agency is not a credit, so names in running text need an attribution verb or phrase next to
 * them.
 */

/** "... News Agency", "... Press Agency": the agency's name is the capitalised words before it. */
const AGENCY_SUFFIX = /\b(?:News|Press|Telegraph) Agency\b/g;
const KNOWN_AGENCY = new RegExp(
  String.raw`\b(?:${KNOWN_AGENCY_NAMES.map((name) => name.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')).join('|')})\b`,
  'g',
);
/** Attribution right after the name: "Yonhap reported", "Reuters said", "AFP quoted". */
const ATTRIBUTION_AFTER = /^(?:'s? report(?:ed)?|\s(?:reported|reports|said|says|quoted|cited|wrote|added|stated|announced|confirmed|learned|reporting)\b)/;
/** Attribution right before the name: "according to", "told", "citing", "(via". */
const ATTRIBUTION_BEFORE = /(?:according to|reported by|quoted by|cited by|told|citing|via|a report by|a report from|said in a report to)(?: the)? $/i;
/** Words in front of an agency name that describe it rather than name it. */
const DESCRIPTIVE_WORDS = /^(?:the|a|an|state|state-run|state-owned|official|semi-official|semiofficial|government-run|government|north|south)$/i;
/** Words before the agency suffix that may belong to its name. */
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u;
const MAX_NAME_WORDS = 5;
const CONTEXT_CHARS = 40;
/**
 * Agency names examined per scan. Real copy names a handful; stopping here keeps a body made of
 * nothing but agency names (garbage, or an attack) from costing seconds.
 */
const MAX_CANDIDATES = 1_000;

export interface CreditSources {
  body: string;
  captions: readonly string[];
  /** Organisations named in the byline after the authors. */
  bylineAffiliations: readonly string[];
}

export function findCredits({ body, captions, bylineAffiliations }: CreditSources): string[] {
  const credits = [
    ...creditsInText(body),
    ...captions.flatMap(captionCredits),
    ...bylineAffiliations.filter(isKnownAgency).map(readableAgencyName),
  ];
  return dedupe(credits);
}

function creditsInText(text: string): string[] {
  const found: Array<{ start: number; end: number; name: string }> = [];
  const isAttributed = (start: number, end: number): boolean =>
    ATTRIBUTION_AFTER.test(text.slice(end, end + CONTEXT_CHARS)) ||
    ATTRIBUTION_BEFORE.test(text.slice(Math.max(0, start - CONTEXT_CHARS), start));

  for (const match of take(text.matchAll(AGENCY_SUFFIX), MAX_CANDIDATES)) {
    const end = match.index + match[0].length;
    const start = nameStartBefore(text, match.index);
    if (start === match.index) continue;
    if (isAttributed(start, end)) found.push({ start, end, name: text.slice(start, end) });
  }
  for (const match of take(text.matchAll(KNOWN_AGENCY), MAX_CANDIDATES)) {
    const end = match.index + match[0].length;
    const inside = found.some((credit) => match.index >= credit.start && end <= credit.end);
    if (!inside && isAttributed(match.index, end)) found.push({ start: match.index, end, name: match[0] });
  }
  return found.sort((a, b) => a.start - b.start).map((credit) => credit.name);
}

/**
 * Walks back from "News Agency" over the capitalised words that name the agency, stopping at
 * punctuation, a lower-case word or descriptive words ("the state-run ... News Agency").
 */
function nameStartBefore(text: string, suffixStart: number): number {
  let start = suffixStart;
  for (let taken = 0; taken < MAX_NAME_WORDS; taken++) {
    const before = text.slice(Math.max(0, start - 40), start);
    const word = /(\S+)\s$/u.exec(before)?.[1];
    if (!word || !NAME_WORD.test(word) || /[,;:.]$/.test(word) || DESCRIPTIVE_WORDS.test(word)) break;
    start -= word.length + 1;
  }
  return start;
}

function* take<T>(items: Iterable<T>, limit: number): Generator<T> {
  let taken = 0;
  for (const item of items) {
    if (taken++ >= limit) return;
    yield item;
  }
}

/** What follows an agency's short name in its full one: "Yonhap" → "Yonhap News Agency". */
const FULL_NAME_SUFFIX = /^ (?:news agency|news service|press agency|news|press|agency)$/;

/**
 * One credit per agency: exact repeats go, and so does a short name ("Yonhap", from a "[YONHAP]"
 * caption) when the copy also credits the agency by its full name ("Yonhap News Agency").
 */
function dedupe(names: readonly string[]): string[] {
  const keys = names.map((name) => name.toLowerCase());
  const isShortFormOfAnother = (key: string): boolean =>
    keys.some((other) => other.startsWith(key) && FULL_NAME_SUFFIX.test(other.slice(key.length)));
  const seen = new Set<string>();
  return names.filter((_name, index) => {
    const key = keys[index] ?? '';
    if (seen.has(key) || isShortFormOfAnother(key)) return false;
    seen.add(key);
    return true;
  });
}
