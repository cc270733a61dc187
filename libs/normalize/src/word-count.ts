/**
 * Words in the body: runs of letters and digits (Unicode-aware), combining marks included so
 * Devanagari or Thai words are not split at their vowel signs. "Yeol's" and "North-Russia" are two
 * runs each. Han and kana are written without spaces, so each of their characters counts as a word.
 */
const WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{N}][\p{M}]*)+/gu;

export function countBodyWords(body: string): number {
  let count = 0;
  for (const _word of body.matchAll(WORD)) count++;
  return count;
}
