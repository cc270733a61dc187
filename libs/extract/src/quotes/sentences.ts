/**
 * Sentence boundaries that know news abbreviations: the period of "Mr.", "Sen.", "Ltd.,", "(D-S.C.)" or an
 * initial ("Patrick J. Tiberi") does not end a sentence, so `“…,” Mr. Greenfield said` keeps its
 * attribution in the quote's sentence.
 */

/** Words whose period is part of the word, not the end of a sentence (lowercased, without the period). */
const ABBREVIATIONS = new Set(
  (
    'mr|mrs|ms|messrs|dr|prof|rev|hon|sen|sens|rep|reps|gov|govs|lt|col|gen|maj|sgt|capt|cmdr|adm|cpl|pvt|pres|supt|' +
    'st|jr|sr|ltd|inc|co|corp|bros|plc|llc|no|nos|vs|v|mt|ft|ave|blvd|dept|univ|est|approx|' +
    'jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|' +
    'ala|ariz|ark|calif|colo|conn|del|fla|ga|ill|ind|kan|ky|la|md|mass|mich|minn|miss|mo|mont|neb|nev|okla|ore|pa|tenn|tex|va|vt|wash|wis|wyo|' +
    'u.s|u.n|u.k|d.c|e.u|n.y|l.a|a.m|p.m'
  ).split('|'),
);

/** True when the period at `at` belongs to an abbreviation or an initial rather than ending a sentence. */
export function isAbbreviationPeriod(body: string, at: number): boolean {
  let i = at;
  while (i > 0 && /[\p{L}.]/u.test(body.charAt(i - 1))) i--;
  const word = body.slice(i, at).toLowerCase();
  if (word === '') return false;
  // A single capital letter is an initial ("J."), and dotted letters a shortening ("U.S.").
  if (/^\p{Lu}$/u.test(body.slice(i, at))) return true;
  // Any dotted initialism ("S.C.", "N.Y."): like "U.S.", it ends a sentence only before a capitalised word.
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return !/^\s+[“"]?\p{Lu}/u.test(body.slice(at + 1, at + 4));
  if (!ABBREVIATIONS.has(word)) return false;
  // "a.m." and "p.m." end a sentence when a capitalised word follows.
  if (word === 'a.m' || word === 'p.m' || word === 'u.s' || word === 'd.c') return !/^\s+[“"]?\p{Lu}/u.test(body.slice(at + 1, at + 4));
  return true;
}

/** End of the sentence running on from `from`: a sentence-ending . ! or ?, a paragraph break, or an opening quotation mark. */
export function sentenceEnd(body: string, from: number): number {
  const re = /[.!?](?=[\s"”’)]|$)|\n[^\S\n]*\n|[“«]/g;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body)) !== null) {
    if (m[0] === '.' && isAbbreviationPeriod(body, m.index)) continue;
    return m.index;
  }
  return body.length;
}

/** Start of the sentence holding offset `at` (after a sentence-ending mark, a line break or the body's start). */
export function sentenceStart(body: string, at: number): number {
  for (let i = at - 1; i > 0; i--) {
    const c = body.charAt(i);
    if (c === '\n') return i + 1;
    if ((c === '.' || c === '!' || c === '?') && /\s/.test(body.charAt(i + 1)) && !(c === '.' && isAbbreviationPeriod(body, i))) return i + 1;
  }
  return 0;
}
