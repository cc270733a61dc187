/**
 * Quotation stretches: runs of text between double quotation marks (curly “ ”, straight ",
 * guillemets « », low „), paired paragraph by paragraph. A quote left open at a paragraph's end
 * continues when the next paragraph opens with a quotation mark (the newswire convention), and
 * otherwise ends with its paragraph. A curly opening mark met inside an open curly quote starts a
 * new quote when a space precedes it and a word follows (the writer forgot a closing mark), so
 * two adjacent quotes are never merged into one; straight marks get the same rule, and a straight
 * mark that can only close (after a word, before a space or the end) is skipped when no quote is
 * open, as is a markup attribute's value (`<tweet id="…">`) and a straight mark that wraps a curly
 * quote (`"“…,” she said."`). A curly opening mark closes a quote only before a space, punctuation
 * or the end (`„…“`), never before a word.
 */

export interface RawQuote {
  /** Offsets of the first and past the last quoted character (inside the marks). */
  start: number;
  end: number;
  /** Inner ranges, one per paragraph. */
  parts: [number, number][];
  /** The paragraph (index) the quote opens in, and whether it continues a quote left open in the previous paragraph. */
  paragraph: number;
}

export const OPENERS = new Set(['“', '"', '«', '„']);
export const CLOSERS = new Set(['”', '"', '»', '“']);

/** The body's paragraphs as [start, end) ranges, split at blank lines. */
export function paragraphsOf(body: string): [number, number][] {
  const out: [number, number][] = [];
  const breakRe = /\n[^\S\n]*\n\s*/g;
  let from = 0;
  let m: RegExpExecArray | null;
  while ((m = breakRe.exec(body)) !== null) {
    out.push([from, m.index]);
    from = m.index + m[0].length;
  }
  out.push([from, body.length]);
  return out;
}

function trimmedEnd(body: string, from: number, end: number): number {
  let e = end;
  while (e > from && /\s/.test(body.charAt(e - 1))) e--;
  return e;
}

/** Quotation stretches in `body`, paired paragraph by paragraph. */
export function findQuotations(body: string): RawQuote[] {
  const out: RawQuote[] = [];
  const paragraphs = paragraphsOf(body);
  let open: RawQuote | null = null;
  let opener = '';
  let partStart = 0;
  for (let p = 0; p < paragraphs.length; p++) {
    const [ps, pe] = paragraphs[p] as [number, number];
    let i = ps;
    if (open) {
      // A quote left open: continues only if this paragraph opens with a quotation mark.
      while (i < pe && /\s/.test(body.charAt(i))) i++;
      if (i < pe && OPENERS.has(body.charAt(i))) {
        partStart = i + 1;
        i++;
      } else {
        open = null;
      }
    }
    for (; i < pe; i++) {
      const c = body.charAt(i);
      const next = body.charAt(i + 1);
      if (open === null) {
        // A straight mark after a word and before a space or the end closes a quote we never saw open: skip it.
        if (c === '"' && /[^\s([{—–-]/.test(body.charAt(i - 1) || ' ') && /^\s?$/.test(next)) continue;
        // A straight mark right before a curly opening mark wraps the curly quote ("“…,” she said."): skip it.
        if (c === '"' && next === '“') continue;
        // A markup attribute's value (`<tweet id="…">`) is not a quote: skip to its closing mark.
        if ((c === '"' || c === '“' || c === '”') && body.charAt(i - 1) === '=') {
          const close = body.slice(i + 1, pe).search(/["“”]/);
          if (close >= 0) i += close + 1;
          continue;
        }
        if (OPENERS.has(c)) {
          open = { start: i + 1, end: i + 1, parts: [], paragraph: p };
          opener = c;
          partStart = i + 1;
        }
      } else if (c === opener && (c === '“' || c === '"') && /\s/.test(body.charAt(i - 1)) && /[\p{L}\p{N}]/u.test(next)) {
        // An opening mark inside an open quote: the previous quote was never closed.
        const end = trimmedEnd(body, partStart, i);
        open.parts.push([partStart, end]);
        open.end = end;
        out.push(open);
        open = { start: i + 1, end: i + 1, parts: [], paragraph: p };
        partStart = i + 1;
      } else if (CLOSERS.has(c) && !(c === '“' && !/^[\s,.;:!?—–-]?$/.test(next))) {
        open.parts.push([partStart, i]);
        open.end = i;
        out.push(open);
        open = null;
      }
    }
    if (open) {
      // Paragraph ended inside a quote: this part runs to the paragraph's end.
      const end = trimmedEnd(body, partStart, pe);
      open.parts.push([partStart, end]);
      open.end = end;
      const nextParagraph = paragraphs[p + 1];
      let j = nextParagraph ? nextParagraph[0] : body.length;
      while (nextParagraph && j < nextParagraph[1] && /\s/.test(body.charAt(j))) j++;
      if (!nextParagraph || !OPENERS.has(body.charAt(j))) {
        out.push(open);
        open = null;
      }
    }
  }
  return out.filter((q) => q.end > q.start);
}
