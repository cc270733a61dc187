/**
 * Personal names and titles, shared by the recognizer and the canonicalizer: name order
 * (family name first for East Asian names), surnames for coreference, and titles in apposition.
 */

import { EAST_ASIAN_SURNAMES, GIVEN_NAMES, NAME_PARTICLES, PERSON_SUFFIXES, TITLE_MODIFIERS, TITLES, wordSet } from './lexicon-words';
import { tokenize, type Token } from './tokenize';

export const GIVEN = wordSet(GIVEN_NAMES);
export const EAST_SURNAMES = wordSet(EAST_ASIAN_SURNAMES);
export const PARTICLES = wordSet(NAME_PARTICLES);
const SUFFIXES = wordSet(PERSON_SUFFIXES);
const MODIFIERS = wordSet(TITLE_MODIFIERS);

/** A hyphenated given name in Korean romanisation: "Tae-yul", "Sang-mok", "Jong-un". */
export const HYPHENATED_GIVEN = /^\p{Lu}\p{Ll}+[-‐‑]\p{Ll}+$/u;
const ARABIC_ARTICLE = /^(?:al|el|ad|ar|as|ash|an|at|az)[-‐‑]/i;

/** Names seen recently and their keys: the same names recur within and across stories. */
const recentNameKeys = new Map<string, string>();
const RECENT_NAME_KEYS = 10_000;

/** Matching key for a name: lowercase, accents, periods and hyphens folded away. */
export function nameKey(text: string): string {
  let key = recentNameKeys.get(text);
  if (key === undefined) {
    if (recentNameKeys.size >= RECENT_NAME_KEYS) recentNameKeys.clear();
    key = foldName(text);
    recentNameKeys.set(text, key);
  }
  return key;
}

function foldName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/\./g, '')
    .replace(/[-‐‑]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface PersonName {
  /** Words of the name, without suffixes ("Jr."). */
  readonly parts: readonly string[];
  /** Family name written first ("Yoon Suk Yeol", "Xi Jinping"). */
  readonly familyFirst: boolean;
  /** Keys a bare surname mention may use ("blinken"; "assad" for "al-Assad"). */
  readonly surnameKeys: readonly string[];
  /** Key of every part, for weaker matches (a given name used alone). */
  readonly partKeys: readonly string[];
  readonly key: string;
}

export function parsePersonName(text: string): PersonName {
  const parts = text.split(/\s+/).filter((p) => p.length > 0);
  while (parts.length > 1 && SUFFIXES.has((parts[parts.length - 1] as string).toLowerCase().replace(/,$/, ''))) parts.pop();
  const first = parts[0] ?? '';
  const second = parts[1] ?? '';
  const firstKey = nameKey(first);
  let familyFirst = false;
  if (parts.length >= 2) {
    if (HYPHENATED_GIVEN.test(second) && !HYPHENATED_GIVEN.test(first)) familyFirst = true;
    else if (EAST_SURNAMES.has(firstKey)) {
      const short = parts.slice(1).every((p) => nameKey(p).length <= 4);
      familyFirst = !GIVEN.has(firstKey) || (parts.length === 3 && short);
    }
  }
  const meaningful = parts.filter((p) => !PARTICLES.has(p.toLowerCase()) && !/^\p{Lu}\.$/u.test(p));
  const surname = familyFirst ? first : (meaningful[meaningful.length - 1] ?? first);
  const surnameKeys = [nameKey(surname)];
  if (ARABIC_ARTICLE.test(surname)) surnameKeys.push(nameKey(surname.replace(ARABIC_ARTICLE, '')));
  return {
    parts,
    familyFirst,
    surnameKeys,
    partKeys: meaningful.map(nameKey),
    key: nameKey(parts.join(' ')),
  };
}

// ---------------------------------------------------------------------------------------------
// Titles
// ---------------------------------------------------------------------------------------------

/** Title key of a token: lowercase without a trailing period ("Mr." → "mr"). */
function titleKey(token: Token): string {
  return token.norm.endsWith('.') ? token.norm.slice(0, -1) : token.norm;
}

const TITLE_LIST = TITLES.split('|')
  .map((t) => t.trim())
  .filter((t) => t.length > 0);
const TITLE_KEYS = new Set(TITLE_LIST.map((title) => tokenize(title).map(titleKey).join(' ')));

/** Whether a lowercase word is, on its own, one of the titles. */
export function isTitleWord(key: string): boolean {
  return TITLE_KEYS.has(key);
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const capitalisedVariants = (word: string): string => {
  const c = word.charAt(0);
  return `[${c.toUpperCase()}${c.toLowerCase()}]${escape(word.slice(1))}`;
};
const TITLE_ALTERNATION = [...TITLE_LIST]
  .sort((a, b) => b.length - a.length)
  .map((t) => escape(t).replace(/ /g, '\\s+'))
  .join('|');
const MODIFIER_ALTERNATION = [...MODIFIERS]
  .filter((m) => !m.endsWith('-'))
  .map(capitalisedVariants)
  .join('|');

/** A title (with modifiers) that ends right before a name. */
const ROLE_BEFORE = new RegExp(
  `(?:^|[^\\p{L}\\p{N}])((?:(?:${MODIFIER_ALTERNATION})[\\s-]+)*(?:${TITLE_ALTERNATION})\\.?)\\s+$`,
  'u',
);
/** A title (with modifiers) at the very start of a span that includes it ("Mr. Blinken"). */
const ROLE_AT_START = new RegExp(`^((?:(?:${MODIFIER_ALTERNATION})[\\s-]+)*(?:${TITLE_ALTERNATION})\\.?)\\s+(?=\\p{Lu})`, 'u');
const ROLE_WINDOW = 80;

/** The title in apposition right before `start` in `text` ("Foreign Minister"), or null. */
export function roleBefore(text: string, start: number): string | null {
  const window = text.slice(Math.max(0, start - ROLE_WINDOW), start);
  if (!/\s$/.test(window)) return null;
  const m = ROLE_BEFORE.exec(window);
  return m ? (m[1] as string).replace(/\s+/g, ' ') : null;
}

/** A title the span itself starts with: its text and the length to cut off. */
export function roleAtStart(spanText: string): { role: string; cut: number } | null {
  const m = ROLE_AT_START.exec(spanText);
  if (!m) return null;
  return { role: (m[1] as string).replace(/\s+/g, ' '), cut: m[0].length };
}
