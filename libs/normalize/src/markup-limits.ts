import { ErrorCode, UnprocessableDocumentError } from '@wirestream/contracts';

/**
 * HTML parsing cost grows with nesting: the parser checks its stack of open elements at every tag,
 * so 100,000 nested <div>s take minutes, not milliseconds. This linear pre-scan measures the markup
 * and turns such input away before the parser sees it. Real news pages stay far below the limits.
 */

/** Tags (opening and closing) in a document. Heavy news pages have well under 20,000. */
const MAX_TAGS = 60_000;
/** Open elements at once. Real pages nest a few dozen deep. */
const MAX_DEPTH = 1_000;
/** Sum over all tags of the nesting depth at that tag: the parser's stack work. */
const MAX_STACK_WORK = 5_000_000;

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'basefont', 'bgsound', 'frame']);
/** Elements HTML closes by itself when the next one opens; they do not deepen the stack for long. */
const SELF_CLOSING_IN_PRACTICE = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'rb', 'rt', 'rp', 'colgroup']);
/** Elements whose content is raw text: tags inside them are not tags. */
const RAW_TEXT_ELEMENTS = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noembed', 'noframes', 'iframe', 'noscript']);

export interface MarkupShape {
  tags: number;
  maxDepth: number;
  stackWork: number;
}

/**
 * Counts tags and nesting in one pass. `[^<>]*` stops at the next angle bracket, so every scan
 * ends at the next '<' and the whole pass is linear.
 */
export function measureMarkup(html: string): MarkupShape {
  const lower = html.toLowerCase();
  const tag = /<!--|<(\/?)([a-z][a-z0-9:-]*)[^<>]*>/g;
  let tags = 0;
  let depth = 0;
  let maxDepth = 0;
  let stackWork = 0;
  let match: RegExpExecArray | null;
  while ((match = tag.exec(lower))) {
    if (match[0] === '<!--') {
      const end = lower.indexOf('-->', tag.lastIndex);
      if (end < 0) break;
      tag.lastIndex = end + 3;
      continue;
    }
    tags++;
    stackWork += depth;
    const closing = match[1] === '/';
    const name = match[2] ?? '';
    if (closing) {
      if (!VOID_ELEMENTS.has(name) && !SELF_CLOSING_IN_PRACTICE.has(name) && depth > 0) depth--;
      continue;
    }
    if (RAW_TEXT_ELEMENTS.has(name)) {
      // Skip to just past the closing tag, which is not counted: its opening tag was not either.
      const close = lower.indexOf(`</${name}`, tag.lastIndex);
      if (close < 0) break;
      const closeEnd = lower.indexOf('>', close);
      tag.lastIndex = closeEnd < 0 ? lower.length : closeEnd + 1;
      continue;
    }
    if (!VOID_ELEMENTS.has(name) && !SELF_CLOSING_IN_PRACTICE.has(name) && !match[0].endsWith('/>')) {
      depth++;
      maxDepth = Math.max(maxDepth, depth);
    }
  }
  return { tags, maxDepth, stackWork };
}

/** Throws when the markup is too large or too deeply nested to parse in reasonable time. */
export function assertParseableMarkup(html: string, documentUri: string): void {
  const shape = measureMarkup(html);
  if (shape.tags > MAX_TAGS || shape.maxDepth > MAX_DEPTH || shape.stackWork > MAX_STACK_WORK) {
    throw new UnprocessableDocumentError(
      `${documentUri}: markup too large or too deeply nested to parse (${shape.tags} tags, nesting depth ${shape.maxDepth})`,
      { code: ErrorCode.OVERSIZE },
    );
  }
}

/**
 * The page with the contents of its <script> and <style> elements taken out, JSON-LD excepted
 * (and those commented out left to the comment).
 * News pages carry hundreds of kilobytes of inline scripts that the parser would otherwise build
 * into strings character by character, for text we never read. One linear pass with indexOf.
 */
export function dropScriptAndStyleBodies(html: string): string {
  const lower = html.toLowerCase();
  const opening = /<(script|style)\b/g;
  const kept: string[] = [];
  let copiedUpTo = 0;
  // The next comment at or after the scan: a <script> inside one (commented out) is its text.
  let comment = lower.indexOf('<!--');
  let match: RegExpExecArray | null;
  scan: while ((match = opening.exec(lower))) {
    while (comment !== -1 && comment < match.index) {
      const commentEnd = lower.indexOf('-->', comment + 4);
      if (commentEnd < 0) break scan; // the rest is one comment
      if (commentEnd > match.index) {
        opening.lastIndex = commentEnd + 3;
        continue scan;
      }
      comment = lower.indexOf('<!--', commentEnd + 3);
    }
    const tagEnd = lower.indexOf('>', match.index);
    if (tagEnd < 0) break;
    const name = match[1] ?? 'script';
    const close = lower.indexOf(`</${name}`, tagEnd);
    const contentEnd = close < 0 ? lower.length : close;
    if (!lower.slice(match.index, tagEnd).includes('application/ld+json')) {
      kept.push(html.slice(copiedUpTo, tagEnd + 1));
      copiedUpTo = contentEnd;
    }
    if (close < 0) break;
    opening.lastIndex = close;
    // What looks like a comment inside the script's code is not one.
    if (comment !== -1 && comment < close) comment = lower.indexOf('<!--', close);
  }
  kept.push(html.slice(copiedUpTo));
  return kept.join('');
}

/**
 * Elements whose content HTML reads as raw text up to their end tag, or drops: written closed in
 * the XHTML way (`<script src="a.js"/>`, `<iframe …/>`, common in feed content made by XML tools),
 * HTML would take the rest of the document for their content, and the story's text would be lost.
 */
const SELF_CLOSED_RAW_TEXT_ELEMENT = /<(script|style|iframe|textarea|title|xmp|noembed|noframes|noscript)\b((?:[^<>"']|"[^"]*"|'[^']*')*?)\/>/gi;

/** The markup with raw-text elements written as `<x …/>` closed there, as the writer meant. */
export function closeSelfClosedRawTextElements(html: string): string {
  return html.replace(SELF_CLOSED_RAW_TEXT_ELEMENT, '<$1$2></$1>');
}
