import type { Byline } from '@wirestream/contracts';
import { isKnownAgency, titleCase } from './agencies';

/**
 * Bylines: "BY ESTHER CHUNG [chung.juhee@joongang.co.kr]", "By Jane Doe and John Roe",
 * "By KIM TONG-HYUNG, Associated Press". Names come out readable (an all-caps name is title-cased),
 * e-mail addresses separately, and the affiliation after the names is recognised but not taken
 * for a person.
 */

export interface ParsedByline {
  byline: Byline;
  /** Organisations named after the authors ("Associated Press"), as printed. */
  affiliations: string[];
}

const MAX_BYLINE_CHARS = 250;
const BY_PREFIX = /^(?:written\s+|reported\s+|story\s+)?by\b[\s:]*/i;
/** Bounded parts, so scanning a long line cannot backtrack for long. */
const EMAIL = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}/g;
/** An e-mail with the brackets around it, to take out of the name text. */
const BRACKETED_EMAIL = /[[(<]\s?(?:mailto:)?[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}\s?[\])>]/g;

/** Lower-case particles allowed inside a name: "Ursula von der Leyen", "Ahmad bin Said". */
const NAME_PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'du', 'del', 'della', 'la', 'le', 'bin', 'binti', 'al', 'el', 'dos', 'das', 'ter', 'ten', 'y']);
/** Capitalised words that are not names when they follow "By" ("By Monday, ..."). */
const NOT_NAME_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'the', 'this', 'that',
  'then', 'now', 'contrast', 'comparison', 'law', 'order', 'far', 'some', 'most', 'all', 'late', 'early',
]);
/** Words that make a byline part an organisation or a job title, not a person. */
const ORGANISATION_WORDS =
  /\b(?:press|news|agency|times|post|journal|daily|herald|tribune|gazette|reuters|bloomberg|correspondent|writer|reporter|editor|staff|bureau|service|wire|media|network|newspaper|magazine|desk|contributor|columnist|group)\b/i;

/** A byline line found in copy ("By ..."); null when the line is not one. */
export function parseBylineLine(line: string): ParsedByline | null {
  if (line.length > MAX_BYLINE_CHARS * 4) return null;
  const text = line.trim().replace(/\s+/g, ' ');
  if (text.length > MAX_BYLINE_CHARS || !BY_PREFIX.test(text)) return null;
  return parseAuthors(text, text.replace(BY_PREFIX, ''), { strict: true });
}

/**
 * An author field a feed or a page's metadata carries ("jane@example.com (Jane Doe)",
 * "Jane Doe, John Roe"). Lenient: the field is known to name authors, so no "By" is needed.
 */
export function parseAuthorField(field: string): ParsedByline | null {
  if (field.length > MAX_BYLINE_CHARS * 8) return null;
  const text = field.trim().replace(/\s+/g, ' ');
  if (!text || text.length > MAX_BYLINE_CHARS * 2) return null;
  return parseAuthors(text, text.replace(BY_PREFIX, ''), { strict: false });
}

function parseAuthors(fullText: string, authorText: string, { strict }: { strict: boolean }): ParsedByline | null {
  const emails = unique(authorText.match(EMAIL) ?? []);
  const withoutEmails = authorText
    .replace(BRACKETED_EMAIL, ' ')
    .replace(EMAIL, ' ')
    .replace(/[()[\]<>]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

  // "Jane Doe | Reuters", "Jane Doe - The Herald": what follows the bar or dash is the affiliation.
  const [namePart = '', ...afterBar] = withoutEmails.split(/\s[|—–-]\s|\|/);
  const parts = namePart
    .split(/\s*[,;]\s*|\s+and\s+|\s*&\s*/i)
    .map(withoutTrailingPunctuation)
    .filter((part) => part.length > 0);

  const names: string[] = [];
  const affiliations: string[] = afterBar.map((part) => part.trim()).filter((part) => part.length > 0);
  for (const [index, part] of parts.entries()) {
    if (isOrganisation(part)) affiliations.push(part);
    else if (isPersonName(part, strict)) names.push(/\p{Ll}/u.test(part) ? part : titleCase(part));
    // The last part may be a place or outlet not in our word list: "By Jane Doe, Seoul".
    else if (index === parts.length - 1 && index > 0 && part.split(' ').length <= 6) affiliations.push(part);
    else if (strict) return null;
  }
  if (names.length === 0 && emails.length === 0 && affiliations.length === 0) return null;
  return { byline: { text: fullText, names: unique(names), emails }, affiliations: unique(affiliations) };
}

/** "Jane Doe." → "Jane Doe", but an initial or suffix keeps its period: "John Roe Jr.", "Jane Q.". */
function withoutTrailingPunctuation(part: string): string {
  const trimmed = part.trim().replace(/[,;:]+$/, '');
  if (!trimmed.endsWith('.')) return trimmed;
  const lastWord = trimmed.slice(trimmed.lastIndexOf(' ') + 1);
  return /^(?:\p{Lu}|Jr|Sr)\.$/u.test(lastWord) ? trimmed : trimmed.replace(/\.+$/, '');
}

function isOrganisation(part: string): boolean {
  return ORGANISATION_WORDS.test(part) || isKnownAgency(part);
}

function isPersonName(part: string, strict: boolean): boolean {
  const words = part.split(' ');
  if (words.length > 5) return false;
  // Scripts without letter case (Hangul, Han...) write a name as one or two words.
  if (words.every((word) => /^[\p{Lo}\p{M}]{2,12}$/u.test(word))) return words.length <= 2;
  const nameWords = words.filter((word) => !NAME_PARTICLES.has(word));
  if (nameWords.length < (strict ? 2 : 1)) return false;
  return nameWords.every(
    (word) => /^\p{Lu}[\p{L}\p{M}'’.-]*$/u.test(word) && !NOT_NAME_WORDS.has(word.toLowerCase().replace(/\.$/, '')),
  );
}

function unique(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = value.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
