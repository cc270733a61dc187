/**
 * Character-level clean-up shared by every format. Copy arrives with CRLF line ends, no-break
 * spaces standing in for blank lines (web pages), zero-width spaces and soft hyphens; all of them
 * would otherwise leak into paragraphs or defeat the line rules downstream.
 */

/** Invisible characters with no meaning in text. ZWJ/ZWNJ are kept: some scripts need them. */
const INVISIBLE = /[\u200B\u2060\uFEFF\u00AD]/g;
/** Space-like characters other than the newline (NBSP, en/em spaces, ideographic space...). */
const SPACE_LIKE = /[\v\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;

export function normalizeSpacing(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(INVISIBLE, '')
    .replace(SPACE_LIKE, ' ')
    .replace(/\t/g, '  ');
}

/** One paragraph's text with all runs of whitespace turned into one space. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Case- and spacing-insensitive key, for spotting a line printed twice. */
export function comparisonKey(text: string): string {
  return collapseWhitespace(text).toLowerCase();
}

/** The texts without repeats (by comparisonKey), first copies kept, in order: a caption printed twice. */
export function uniqueTexts(texts: readonly string[]): string[] {
  const seen = new Set<string>();
  return texts.filter((text) => {
    const key = comparisonKey(text);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Whitespace-separated words in the text, counting no further than `limit`: callers only ask
 * "at least n?" or "at most n?", and a 2 MB line should not be split whole to answer that.
 */
export function countWordsUpTo(text: string, limit: number): number {
  const word = /\S+/g;
  let count = 0;
  while (count < limit && word.exec(text)) count++;
  return count;
}

export interface TextBlock {
  /** The block's text, whitespace collapsed. */
  text: string;
  /** How many source lines it was made of (a headline is a one-line block). */
  lineCount: number;
}

/** Hard-wrapped copy breaks lines at 69 to 80 columns; a longer line was never wrapped. */
const WRAPPED_LINE_MAX_CHARS = 80;

/**
 * Groups lines into paragraphs: blank lines separate paragraphs; within a run of lines, a line
 * indented deeper than the one before also starts one (hard-wrapped ANPA copy marks paragraphs by
 * indenting their first line); other line breaks are wrapping and become spaces — unless the run
 * holds a line too long to be wrapped, in which case each line is a paragraph (text copied from a
 * page often separates paragraphs by single line breaks).
 */
export function groupParagraphs(lines: readonly string[]): TextBlock[] {
  const blocks: TextBlock[] = [];
  let current: string[] = [];
  let previousIndent = 0;
  const flush = (): void => {
    const unwrapped = current.length > 1 && current.some((line) => line.trim().length > WRAPPED_LINE_MAX_CHARS);
    for (const group of unwrapped ? current.map((line) => [line]) : [current]) {
      const text = collapseWhitespace(group.join(' '));
      if (text) blocks.push({ text, lineCount: group.length });
    }
    current = [];
  };
  for (const line of lines) {
    if (!line.trim()) {
      flush();
      continue;
    }
    const indent = line.length - line.trimStart().length;
    if (current.length > 0 && indent >= 2 && indent > previousIndent) flush();
    previousIndent = indent;
    current.push(line);
  }
  flush();
  return blocks;
}
