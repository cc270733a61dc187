/**
 * Words in the body, counted the way a reader would: a word is a run of letters, marks and
 * digits, and an apostrophe, hyphen or period between two such runs keeps it one word ("Yeol's",
 * "North-Russia", "U.S", "2.5"). Han and kana characters are written without spaces, so each counts
 * as a word on its own. The joiner group always starts with a joiner character, so the pattern
 * cannot backtrack.
 */
const WORD =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}](?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{M}\p{N}])*(?:['’.-](?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{N}](?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{M}\p{N}])*)*/gu;

export function countBodyWords(body: string): number {
  let count = 0;
  for (const _word of body.matchAll(WORD)) count++;
  return count;
}
