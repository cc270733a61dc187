import type { CheerioAPI, contains } from 'cheerio';
import { withoutControlCharacters } from './control-characters';

/**
 * The DOM node types cheerio hands out, named without depending on its parser packages directly,
 * and walks over them that use a stack instead of recursion, so no nesting depth can overflow it.
 */
export type DomNode = Parameters<typeof contains>[0];
export type ElementNode = Extract<DomNode, { attribs: Record<string, string> }>;

export function isElement(node: DomNode): node is ElementNode {
  return 'attribs' in node;
}

function isText(node: DomNode): node is Extract<DomNode, { nodeType: 3 }> {
  return node.nodeType === 3;
}

/**
 * Elements dropped with everything inside them when markup is read as text: code, styling,
 * embedded documents and graphics, metadata, form controls and script fallbacks. Text a reader
 * never sees as prose. Every other element, known or not (<font>, <blink>, <o:p>), is unwrapped:
 * its text is kept. Comments, doctypes and processing instructions are never text either.
 */
export const DROPPED_ELEMENTS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'noframes', 'object', 'embed', 'applet',
  'param', 'noembed', 'svg', 'math', 'canvas', 'audio', 'video', 'source', 'track', 'head', 'title', 'meta', 'link',
  'base', 'input', 'button', 'select', 'option', 'optgroup', 'datalist', 'textarea',
]);

/**
 * Elements that start a new paragraph in the text we read off markup. <br> is a line break, and
 * inside <pre> the source's own line breaks are kept.
 */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'search', 'hgroup', 'blockquote', 'pre',
  'listing', 'xmp', 'plaintext', 'ul', 'ol', 'menu', 'dir', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot',
  'tr', 'td', 'th', 'caption', 'figure', 'figcaption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'address', 'details',
  'summary', 'dialog', 'form', 'fieldset', 'legend', 'center', 'body', 'html',
]);

/** Marks the end of a <pre> on the work stack of blockText. */
const LEAVE_PRE = Symbol('leave pre');

/**
 * An element's reader-visible text laid out as paragraphs: block elements are separated by blank
 * lines, <br> becomes a line break, and source whitespace (insignificant in HTML, but for the line
 * breaks inside <pre>) collapses. Dropped elements (DROPPED_ELEMENTS) below the root give no text;
 * the root itself is read whatever it is (a page's <title>). Control characters other than tab and
 * newline, including those a character reference produced, are removed.
 */
export function blockText(root: DomNode): string {
  const out: string[] = [];
  // Work items: a node to visit, a string to emit once a block element is done, or the end of a <pre>.
  const stack: Array<DomNode | string | typeof LEAVE_PRE> = [root];
  let preDepth = 0;
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      out.push(item);
      continue;
    }
    if (item === LEAVE_PRE) {
      preDepth--;
      continue;
    }
    if (isText(item)) {
      // Controls out before whitespace collapses (CR, VT and FF are whitespace to HTML, the rest nothing).
      // A character reference (&#1;, &#129;) can make a control character after the raw bytes were checked.
      const data = withoutControlCharacters(item.data.replace(/\r\n?/g, '\n').replace(/[\v\f]/g, ' ')).text;
      out.push(preDepth > 0 ? data.replace(/[^\S\n]+/g, ' ') : data.replace(/\s+/g, ' '));
      continue;
    }
    if (!isElement(item) && !('children' in item)) continue;
    if (isElement(item)) {
      const name = item.name.toLowerCase();
      if (item !== root && DROPPED_ELEMENTS.has(name)) continue;
      if (name === 'br') {
        out.push('\n');
        continue;
      }
      if (BLOCK_ELEMENTS.has(name)) {
        out.push('\n\n');
        stack.push('\n\n');
      }
      if (name === 'pre' || name === 'listing' || name === 'xmp' || name === 'plaintext') {
        preDepth++;
        stack.push(LEAVE_PRE);
      }
    }
    const children = 'children' in item ? item.children : [];
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
  }
  // Trimming line by line (not a /[ \t]*\n[ \t]*/ regex, which rescans long runs of spaces);
  // two spaces meet where text nodes do ("Growth <math>…</math> percent").
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** An element's text on one line, whitespace collapsed (headlines, bylines, captions). */
export function inlineText(root: DomNode): string {
  return blockText(root).replace(/\s+/g, ' ').trim();
}

/** Every element under the root (root included), in document order. */
export function descendants(root: DomNode): ElementNode[] {
  const found: ElementNode[] = [];
  const stack: DomNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isElement(node)) found.push(node);
    const children = 'children' in node ? node.children : [];
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
  }
  return found;
}

/**
 * The elements under `root` (root excluded) matching `selector`. cheerio's own `.find()` runs the
 * root's children through a de-duplication that is quadratic in their number; an article with
 * thousands of child elements would take seconds. Walking the tree once and filtering is linear.
 */
export function findWithin($: CheerioAPI, root: DomNode, selector: string): ElementNode[] {
  return $(descendants(root).filter((element) => element !== root))
    .filter(selector)
    .toArray();
}
