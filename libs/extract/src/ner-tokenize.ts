import { isKnownWord } from './gazetteer';
import { COMPASS_WORDS, wordSet } from './lexicon-words';
import { tokenize, type Token } from './tokenize';

const COMPASS = wordSet(COMPASS_WORDS);
const UPPER_START = /^\p{Lu}/u;
const LOWER_START = /^\p{Ll}/u;

/**
 * Whether a hyphenated word is split into its parts: "Korea-US" (known names) and "Seoul-based" (a
 * known name and a lowercase word) are; "Tae-yul", "Rolls-Royce" and "Guinea-Bissau" stay whole.
 */
export function splitHyphenated(parts: readonly string[], whole: string): boolean {
  if (isKnownWord(whole)) return false;
  const known = (p: string): boolean => isKnownWord(p) || COMPASS.has(p.toLowerCase());
  if (parts.every((p) => UPPER_START.test(p))) return parts.some(known);
  const [first, ...rest] = parts;
  return first !== undefined && UPPER_START.test(first) && isKnownWord(first) && rest.every((p) => LOWER_START.test(p));
}

/**
 * The tokenization the trained recognizer is trained and run on: the shared tokenizer, with
 * hyphenated compounds of known names split (see `splitHyphenated`).
 */
export function nerTokenize(text: string): Token[] {
  return tokenize(text, { splitHyphenated });
}
