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

export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => word.length > 0).length;
}

export interface TextBlock {
  /** The block's text, whitespace collapsed. */
  text: string;
  /** How many source lines it was made of (a headline is a one-line block). */
  lineCount: number;
}

/**
 * Groups lines into paragraphs: blank lines separate paragraphs; within a run of lines, a line
 * indented deeper than the one before also starts one (hard-wrapped ANPA copy marks paragraphs by
 * indenting their first line); other line breaks are wrapping and become spaces.
 */
export function groupParagraphs(lines: readonly string[]): TextBlock[] {
  const blocks: TextBlock[] = [];
  let current: string[] = [];
  let previousIndent = 0;
  const flush = (): void => {
    const text = collapseWhitespace(current.join(' '));
    if (text) blocks.push({ text, lineCount: current.length });
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
