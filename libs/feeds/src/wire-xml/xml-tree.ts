import { ErrorCode, UnprocessableDocumentError } from '@wirestream/contracts';
import { XMLParser } from 'fast-xml-parser';
import { dataTableRows } from './xml-tables';

/**
 * A small ordered element tree over fast-xml-parser's `preserveOrder` output, with the lookups the
 * NITF and NewsML-G2 readers need. Names are local names (namespace prefixes removed): both
 * standards are read by element name, and NewsML-G2 wraps NITF and XHTML in its own namespace.
 *
 * The caller refuses DTDs and entity declarations before parsing (assertNoDtdDeclarations), so only
 * the five XML entities and character references are ever expanded here.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  // Character references (&#8212;) are decoded only with this on; HTML names (&eacute;) stay as text.
  htmlEntities: true,
  commentPropName: false,
  cdataPropName: false,
});

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, unknown> };

/** Parses XML text into its root element (after the prolog). */
export function parseXmlTree(text: string, what: string): XmlElement {
  let ordered: OrderedNode[];
  try {
    ordered = parser.parse(text) as OrderedNode[];
  } catch (error) {
    throw new UnprocessableDocumentError(`${what}: XML parser refused the document: ${(error as Error).message}`, { code: ErrorCode.XML_MALFORMED, cause: error });
  }
  const root = ordered.map(toNode).find((node): node is XmlElement => typeof node !== 'string' && !node.name.startsWith('?'));
  if (!root) throw new UnprocessableDocumentError(`${what}: no root element`, { code: ErrorCode.XML_MALFORMED });
  return root;
}

function toNode(entry: OrderedNode): XmlNode {
  const name = Object.keys(entry).find((key) => key !== ':@')!;
  if (name === '#text') return String(entry[name] ?? '');
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(entry[':@'] ?? {})) attributes[key] = String(value);
  const children = Array.isArray(entry[name]) ? (entry[name] as OrderedNode[]).map(toNode) : [];
  return { name, attributes, children };
}

export function isElement(node: XmlNode | undefined): node is XmlElement {
  return typeof node === 'object' && node !== null;
}

/** The first child element with one of these names. */
export function child(element: XmlElement | null | undefined, ...names: string[]): XmlElement | null {
  return element?.children.find((node): node is XmlElement => isElement(node) && names.includes(node.name)) ?? null;
}

export function childrenNamed(element: XmlElement | null | undefined, name: string): XmlElement[] {
  return element?.children.filter((node): node is XmlElement => isElement(node) && node.name === name) ?? [];
}

/** Follows a path of child names: path(root, 'head', 'docdata', 'doc-id'). */
export function path(element: XmlElement | null | undefined, ...names: string[]): XmlElement | null {
  let current = element ?? null;
  for (const name of names) current = child(current, name);
  return current;
}

/** The first descendant (depth first, document order) with this name. */
export function descendant(element: XmlElement | null | undefined, name: string): XmlElement | null {
  if (!element) return null;
  for (const node of element.children) {
    if (!isElement(node)) continue;
    if (node.name === name) return node;
    const found = descendant(node, name);
    if (found) return found;
  }
  return null;
}

export function descendants(element: XmlElement | null | undefined, name: string, into: XmlElement[] = []): XmlElement[] {
  for (const node of element?.children ?? []) {
    if (!isElement(node)) continue;
    if (node.name === name) into.push(node);
    descendants(node, name, into);
  }
  return into;
}

/** All the text inside an element, whitespace collapsed; null when there is none. */
export function textOf(element: XmlElement | null | undefined, options: { skip?: ReadonlySet<string> } = {}): string | null {
  if (!element) return null;
  const parts: string[] = [];
  const walk = (node: XmlElement) => {
    for (const item of node.children) {
      if (typeof item === 'string') parts.push(item);
      else if (!options.skip?.has(item.name)) walk(item);
    }
  };
  walk(element);
  return collapse(parts.join('')) || null;
}

export function attribute(element: XmlElement | null | undefined, name: string): string | null {
  const value = element?.attributes[name]?.trim();
  return value ? value : null;
}

/** Elements that make a paragraph of their own when the body is read as text. */
const BLOCK_ELEMENTS = new Set([
  'p', 'hl1', 'hl2', 'h', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dt', 'dd', 'tr', 'pre', 'blockquote', 'bq', 'credit',
  'tagline', 'caption', 'figcaption', 'div', 'section', 'header', 'footer', 'block', 'ul', 'ol', 'dl', 'table', 'note', 'fn',
  'body', 'article', 'address',
]);

/** Elements whose text is not body copy. */
const NON_TEXT_ELEMENTS = new Set(['media', 'media-reference', 'media-metadata', 'script', 'style', 'head', 'title', 'meta', 'img', 'object', 'iframe', 'nav']);

/**
 * The text of a body element as paragraphs separated by blank lines: each block element (p, hl2,
 * li, …) is a paragraph, inline elements (person, org, a, em) run into their paragraph, and media
 * and script elements are left out, as are data tables (tablesIn reads them as rows).
 */
export function paragraphsOf(element: XmlElement | null | undefined, extraSkip: ReadonlySet<string> = new Set()): string[] {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const text = collapse(current);
    if (text) paragraphs.push(text);
    current = '';
  };
  const walk = (node: XmlElement) => {
    for (const item of node.children) {
      if (typeof item === 'string') {
        current += item;
        continue;
      }
      if (NON_TEXT_ELEMENTS.has(item.name) || extraSkip.has(item.name)) continue;
      // A data table is kept as rows (xml-tables.ts), not read as paragraphs.
      if (item.name === 'table' && dataTableRows(item)) continue;
      const block = BLOCK_ELEMENTS.has(item.name);
      if (block) flush();
      walk(item);
      if (block) flush();
      // A <br> inside wire copy is a hard line wrap, not a paragraph break.
      else if (item.name === 'td' || item.name === 'th' || item.name === 'br') current += ' ';
    }
  };
  if (element) walk(element);
  flush();
  return paragraphs;
}

export function collapse(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}
