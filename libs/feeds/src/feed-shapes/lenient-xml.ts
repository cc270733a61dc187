import { findXmlStructureProblem } from '../xml-markup';
import { isElement, localName, MAX_TREE_DEPTH, nestsDeeperThan, parseXml, serializeXml, type XmlNode } from './xml-dom';

/**
 * Lenient recovery of feeds that are not well-formed XML, the way a browser-grade parser (and the
 * Universal Feed Parser's loose parser, which sets its `bozo` bit and reads on) reads them: an end
 * tag closes every element left open inside it (`<b><i>x</b></i>` → `<b><i>x</i></b>`), an end tag
 * with nothing to close is ignored, and HTML's void elements left open in raw markup (`<br>`,
 * `<img …>`) are empty.
 *
 * Only a document that ends with its root's end tag is recovered: a download cut off mid-element
 * is missing items and text, and guessing where they ended would store half stories as whole ones.
 */

/**
 * Structure problems (findXmlStructureProblem) recovery may repair: an element closed by the wrong
 * end tag, which is what a mis-nested or unclosed inline element in the middle of the document
 * gives. Unterminated comments, CDATA sections, tags and the end of the document are not.
 */
export function isRecoverableStructureProblem(problem: string): boolean {
  return /^mismatched end tag /.test(problem);
}

/** Whether the text ends with the root element's end tag (then only whitespace and comments), i.e. was not cut off. */
export function endsWithRootEndTag(text: string, root: string): boolean {
  const escaped = root.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
  return new RegExp(`</${escaped}\\s*>(?:\\s|<!--[\\s\\S]*?-->)*$`).test(text);
}

/** HTML void elements that may be found left open in raw markup; not link, meta, source: RSS and Atom use those names for elements with content. */
const VOID_IN_RAW_MARKUP = new Set(['br', 'hr', 'img', 'wbr', 'area', 'col', 'embed', 'input']);

/**
 * The text read leniently and written back as well-formed XML, references untouched; null when
 * it nests too deep to read (MAX_TREE_DEPTH) or the result still does not nest properly.
 */
export function recoverXml(text: string): string | null {
  if (nestsDeeperThan(text, MAX_TREE_DEPTH)) return null;
  const document = parseXml(text);
  emptyVoidElements(document.children);
  const recovered = serializeXml(document.children);
  return findXmlStructureProblem(recovered) === null ? recovered : null;
}

/** Moves what an unprefixed HTML void element left open swallowed to just after it. */
function emptyVoidElements(nodes: readonly XmlNode[]): void {
  for (const node of [...nodes]) {
    if (!isElement(node)) continue;
    emptyVoidElements(node.children);
    if (node.name !== localName(node.name) || !VOID_IN_RAW_MARKUP.has(node.name.toLowerCase())) continue;
    const parent = node.parent;
    if (!parent || node.children.length === 0) continue;
    const moved = node.children.splice(0);
    const at = parent.children.indexOf(node);
    parent.children.splice(at + 1, 0, ...moved);
    for (const child of moved) child.parent = parent;
    relink(parent.children);
    relink(node.children);
  }
}

function relink(nodes: XmlNode[]): void {
  nodes.forEach((node, index) => {
    node.prev = nodes[index - 1] ?? null;
    node.next = nodes[index + 1] ?? null;
  });
}
