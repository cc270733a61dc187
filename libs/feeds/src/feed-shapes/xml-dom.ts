import { DomUtils, parseDocument } from 'htmlparser2';

/**
 * XML read the forgiving way a browser-grade parser reads it (htmlparser2 in XML mode): every
 * element an end tag skips over is closed there, stray end tags are ignored, `<x/>` closes itself.
 * Entity and character references are left as written (decodeEntities: false), so text and
 * attribute values reach the feed parser, or the HTML built from them, exactly as in the source.
 * Nothing here reads a DTD or expands an entity.
 */

export type XmlDocument = ReturnType<typeof parseDocument>;
export type XmlNode = XmlDocument['children'][number];
export type XmlElement = Extract<XmlNode, { attribs: Record<string, string> }>;

export const XHTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/**
 * Deepest nesting parsed into a tree here. htmlparser2's work per tag grows with the depth of open
 * elements (100,000 nested elements take minutes) and trees are walked recursively; feeds nest a
 * few levels, with some dozens more in raw HTML, and the feed parser refuses over 100 anyway.
 */
export const MAX_TREE_DEPTH = 256;

/**
 * Whether elements in the text nest deeper than `limit`, by a linear scan of its tags (comments,
 * CDATA sections, processing instructions and declarations skipped; an end tag closes one level
 * whatever its name, so mis-nested text is measured about as a lenient parser nests it).
 */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let index = 0;
  for (;;) {
    const lt = text.indexOf('<', index);
    if (lt === -1) return false;
    const next = text.charAt(lt + 1);
    if (text.startsWith('<!--', lt)) index = after(text, '-->', lt + 4);
    else if (text.startsWith('<![CDATA[', lt)) index = after(text, ']]>', lt + 9);
    else if (next === '?' || next === '!') index = after(text, '>', lt + 2);
    else if (next === '/') {
      depth = Math.max(0, depth - 1);
      index = after(text, '>', lt + 2);
    } else if (/[A-Za-z_:]/.test(next)) {
      const end = endOfTag(text, lt + 1);
      if (end === -1) return false;
      if (text.charAt(end - 1) !== '/' && ++depth > limit) return true;
      index = end + 1;
    } else index = lt + 1;
    if (index === -1) return false;
  }
}

function after(text: string, terminator: string, from: number): number {
  const end = text.indexOf(terminator, from);
  return end === -1 ? -1 : end + terminator.length;
}

/** Index of the '>' ending the start tag whose name begins at `from` (quoted values skipped), or -1. */
function endOfTag(text: string, from: number): number {
  for (let index = from; index < text.length; index++) {
    const char = text[index];
    if (char === '>') return index;
    if (char === '<') return index - 1;
    if (char === '"' || char === "'") {
      const close = text.indexOf(char, index + 1);
      if (close === -1) return -1;
      index = close;
    }
  }
  return -1;
}

/** The text as a tree; with `positions`, each node knows where it starts and ends in the text. */
export function parseXml(text: string, options: { positions?: boolean } = {}): XmlDocument {
  return parseDocument(text, {
    xmlMode: true,
    recognizeSelfClosing: true,
    decodeEntities: false,
    withStartIndices: options.positions ?? false,
    withEndIndices: options.positions ?? false,
  });
}

/** 'xhtml:body' → 'body'. */
export function localName(qualifiedName: string): string {
  return qualifiedName.slice(qualifiedName.indexOf(':') + 1);
}

/** 'xhtml:body' → 'xhtml'; '' when unprefixed. */
export function prefixOf(qualifiedName: string): string {
  const colon = qualifiedName.indexOf(':');
  return colon === -1 ? '' : qualifiedName.slice(0, colon);
}

/** The namespace URI the element's prefix (or the default namespace) is bound to in scope; null when undeclared. */
export function namespaceOf(element: XmlElement): string | null {
  const prefix = prefixOf(element.name);
  const declaration = prefix ? `xmlns:${prefix}` : 'xmlns';
  for (let node: XmlElement | null = element; node; node = parentElement(node)) {
    const uri = node.attribs[declaration];
    if (uri !== undefined) return uri.trim();
  }
  return null;
}

export function parentElement(node: XmlNode): XmlElement | null {
  const parent = node.parent;
  return parent && DomUtils.isTag(parent) ? parent : null;
}

export function isElement(node: XmlNode): node is XmlElement {
  return DomUtils.isTag(node);
}
