import type { ArticleTable } from '@wirestream/contracts';
import { load, type CheerioAPI } from 'cheerio';
import { Parser, parseDocument } from 'htmlparser2';
import { blockText, DROPPED_ELEMENTS, findWithin, inlineText, isElement, type DomNode, type ElementNode } from './dom';
import { takeDataTables } from './html-tables';
import { assertParseableMarkup, closeSelfClosedRawTextElements, dropScriptAndStyleBodies } from './markup-limits';
import { withoutControlCharacters } from './control-characters';
import { comparisonKey } from './text-cleanup';

/**
 * Markup to text, in one place: whatever may hold markup (feed descriptions, content:encoded, Atom
 * content) is parsed as HTML with htmlparser2 — no list of "known" tags decides it — and read with
 * the same rules as whole pages (dom.ts): DROPPED_ELEMENTS go with their content, every other
 * element is unwrapped, BLOCK_ELEMENTS and <br> become paragraph and line breaks, comments vanish,
 * and every character reference is decoded by the HTML rules (htmlparser2's decoder, which maps
 * &#128;–&#159; to the windows-1252 characters HTML gives them).
 */

/** What the caller knows about the content: markup ('html', 'xhtml'), 'text', or nothing (null). */
export type MarkupContentType = 'html' | 'xhtml' | 'text';

export interface MarkupToTextOptions {
  /** Named in the error when the markup is too large or deeply nested to parse. */
  documentUri: string;
  /** Unknown (null or absent): parsed as HTML when it may hold markup (a '<' that opens a tag or comment), else read as text. */
  contentType?: MarkupContentType | null;
}

export interface MarkupText {
  /** Paragraphs separated by blank lines, whitespace collapsed within lines, no control characters but tab and newline. */
  text: string;
  /** The captions of the pictures in the markup, in order, each once. */
  captions: string[];
  /** Its data tables as rows of cells (html-tables.ts), not in `text`. */
  tables: ArticleTable[];
}

/** Picture furniture; captions are read out of it first, then it is taken out of the text. */
export const MEDIA_TAGS = 'figure, figcaption, picture, img, video, audio, [class*=caption i], [itemprop=caption]';
const CAPTION_SELECTOR = 'figcaption, .wp-caption-text, [itemprop=caption]';

/**
 * Where HTML's tokenizer opens a tag, an end tag, a comment, a doctype or a processing
 * instruction: '<' before a letter, '/', '!' or '?'. Content with none of them reads the same as
 * HTML and as text but for its line breaks ("5 < 6 & 7", "AT&amp;T"), so it is read as text and
 * keeps them; content with one is parsed, even when the tag is never closed ("text <div class=").
 */
const MARKUP = /<[A-Za-z/!?]/;

/** A complete character reference: named, decimal or hexadecimal, with its semicolon. */
const CHARACTER_REFERENCE = /&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);/;
const NOT_A_REFERENCE = /&(?!(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);)/g;

/** Whether the content may hold markup: a '<' that opens a tag, end tag, comment or doctype (see MARKUP). */
export function containsMarkup(content: string): boolean {
  return MARKUP.test(content);
}

/**
 * The content's reader-visible text and picture captions.
 *
 * - 'html', 'xhtml': parsed as HTML. Content the caller calls HTML that holds no markup of its own
 *   but does once its references are decoded (`&lt;p&gt;Hello&lt;/p&gt;`, escaped twice by the feed)
 *   is decoded once first.
 * - 'text': read as text: character references decoded, '<' and a bare '&' left as they are, line
 *   structure kept.
 * - unknown: as HTML when it may hold markup (MARKUP: a '<' that opens a tag or comment), else as
 *   text, its references decoded.
 *
 * @throws UnprocessableDocumentError when markup is too large or deeply nested to parse.
 */
export function markupToText(content: string, options: MarkupToTextOptions): MarkupText {
  const contentType = options.contentType ?? null;
  if (contentType === 'html') return htmlText(unescapedOnce(content), options.documentUri, false);
  if (contentType === 'xhtml') return htmlText(content, options.documentUri, true);
  if (contentType === null && containsMarkup(content)) return htmlText(content, options.documentUri, false);
  return { text: plainText(content), captions: [], tables: [] };
}

function htmlText(html: string, documentUri: string, xhtml: boolean): MarkupText {
  assertParseableMarkup(html, documentUri);
  const $ = parseMarkup(html, { xhtml });
  const root = $.root().get(0);
  if (!root) return { text: '', captions: [], tables: [] };
  removeDroppedElements($, root);
  const captions = readCaptions($, root);
  $(findWithin($, root, MEDIA_TAGS)).remove();
  const tables = takeDataTables($, root);
  return { text: blockText(root), captions, tables };
}

/**
 * Takes the DROPPED_ELEMENTS under the root out of the tree, before captions are read: a
 * <figcaption> inside a <template> or <noscript> is never shown. (blockText skips them anyway.)
 */
export function removeDroppedElements($: CheerioAPI, root: DomNode): void {
  $(droppedElements(root)).remove();
}

/**
 * Markup parsed for reading, pages and fragments alike. htmlparser2: one parser for all markup,
 * several times faster than a spec-exact HTML5 parser (parse5's fragment parsing cost the
 * normalizer several times more per feed item), and news markup needs no more than it gives:
 * implied end tags and decoded references. Script and style bodies are skipped unparsed (JSON-LD
 * kept). `</>`, which HTML ignores, is taken out: htmlparser2 would keep it as text. A raw-text
 * element written `<script …/>` or `<iframe …/>` is closed there, not left to swallow the rest.
 * XHTML: `<x/>` closes itself and CDATA sections are text.
 */
export function parseMarkup(html: string, options: { xhtml?: boolean } = {}): CheerioAPI {
  const source = dropScriptAndStyleBodies(closeSelfClosedRawTextElements(html)).replace(/<\/>/g, '');
  return load(parseDocument(source, options.xhtml ? { recognizeSelfClosing: true, recognizeCDATA: true } : {}));
}

/** The outermost DROPPED_ELEMENTS under the root. */
function droppedElements(root: DomNode): ElementNode[] {
  const found: ElementNode[] = [];
  const stack: DomNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node !== root && isElement(node) && DROPPED_ELEMENTS.has(node.name.toLowerCase())) {
      found.push(node);
      continue;
    }
    const children = 'children' in node ? node.children : [];
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
  }
  return found;
}

/** The captions of the pictures under `container`, in document order, each once. */
export function readCaptions($: CheerioAPI, container: DomNode): string[] {
  const seen = new Set<string>();
  const captions: string[] = [];
  for (const element of findWithin($, container, CAPTION_SELECTOR)) {
    const caption = inlineText(element);
    if (caption && !seen.has(comparisonKey(caption))) {
      seen.add(comparisonKey(caption));
      captions.push(caption);
    }
  }
  return captions;
}

/** HTML content with no markup of its own that is markup once decoded: decoded once. */
function unescapedOnce(content: string): string {
  if (containsMarkup(content) || !CHARACTER_REFERENCE.test(content)) return content;
  const decoded = decodeCharacterReferences(content);
  return containsMarkup(decoded) ? decoded : content;
}

/**
 * Text that is not markup: references decoded, CR and NEL line ends made newlines, control
 * characters removed, runs of whitespace within a line made one space (a line's indentation is
 * kept: hard-wrapped copy marks paragraphs by it), blank lines kept as paragraph breaks.
 */
function plainText(content: string): string {
  const decoded = CHARACTER_REFERENCE.test(content) ? decodeCharacterReferences(content) : content;
  return withoutControlCharacters(decoded.replace(/\r\n?|\u0085/g, '\n').replace(/[\v\f]/g, ' ')).text
    .split('\n')
    .map((line) => {
      const indent = /^\s*/.exec(line)![0];
      return line.length === indent.length ? '' : indent + line.slice(indent.length).replace(/\s+/g, ' ').trimEnd();
    })
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+/, '')
    .trimEnd();
}

/**
 * Every complete character reference (with its semicolon) in the text decoded by the HTML rules,
 * and nothing else touched: htmlparser2's tokenizer decodes it, with '<' and each '&' that starts
 * no complete reference escaped first so that they come back as they were. A reference HTML does
 * not know (&bogus;) stays as it is.
 */
export function decodeCharacterReferences(text: string): string {
  const parts: string[] = [];
  const parser = new Parser({ ontext: (chunk) => parts.push(chunk) }, { decodeEntities: true });
  parser.end(text.replace(NOT_A_REFERENCE, '&amp;').replace(/</g, '&lt;'));
  return parts.join('');
}
