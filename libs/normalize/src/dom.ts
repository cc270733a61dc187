import type { contains } from 'cheerio';

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

/** Elements whose text is never reader-visible prose. */
const NON_TEXT_ELEMENTS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'canvas', 'select', 'button', 'input', 'textarea']);

/** Elements that start a new paragraph in the text we read off a page. */
const BLOCK_ELEMENTS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'blockquote', 'pre', 'ul', 'ol', 'li',
  'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'figure', 'figcaption',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'address', 'details', 'summary', 'form', 'fieldset', 'center', 'body', 'html',
]);

/**
 * An element's reader-visible text laid out as paragraphs: block elements are separated by blank
 * lines, <br> becomes a line break, and source whitespace (insignificant in HTML) collapses.
 */
export function blockText(root: DomNode): string {
  const out: string[] = [];
  // Work items: a node to visit, or a marker string to emit once a block element is done.
  const stack: Array<DomNode | string> = [root];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      out.push(item);
      continue;
    }
    if (isText(item)) {
      out.push(item.data.replace(/\s+/g, ' '));
      continue;
    }
    if (!isElement(item) && !('children' in item)) continue;
    if (isElement(item)) {
      const name = item.name.toLowerCase();
      if (NON_TEXT_ELEMENTS.has(name)) continue;
      if (name === 'br') {
        out.push('\n');
        continue;
      }
      if (BLOCK_ELEMENTS.has(name)) {
        out.push('\n\n');
        stack.push('\n\n');
      }
    }
    const children = 'children' in item ? item.children : [];
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
  }
  // Trimming line by line (not a /[ \t]*\n[ \t]*/ regex, which rescans long runs of spaces).
  return out
    .join('')
    .split('\n')
    .map((line) => line.trim())
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
