import { DomUtils } from 'htmlparser2';
import {
  isElement,
  localName,
  MAX_TREE_DEPTH,
  namespaceOf,
  nestsDeeperThan,
  parentElement,
  parseXml,
  prefixOf,
  XHTML_NAMESPACE,
  type XmlElement,
  type XmlNode,
} from './xml-dom';

/**
 * Content given as XHTML — an RSS item's `<body xmlns="http://www.w3.org/1999/xhtml">` or
 * `<xhtml:body>`, an Atom `type="xhtml"` text construct — read as the HTML it is, the way the
 * Universal Feed Parser reads it (its `_start_body`/`_start_xhtml_body` make the body the item's
 * content, type application/xhtml+xml): namespace prefixes and declarations dropped, `<br/>`
 * written `<br>`, `<a name="x"/>` written `<a name="x"></a>` (an HTML parser would read it as an
 * open `<a>` swallowing what follows), CDATA sections as escaped text.
 */

const CONTENT_NAMESPACE = 'http://purl.org/rss/1.0/modules/content/';

/** Namespaces an unprefixed `<body>` in an RSS or RDF item may be in (the feed's own) besides XHTML. */
const FEED_NAMESPACES = new Set([
  'http://purl.org/rss/1.0/',
  'http://backend.userland.com/rss',
  'http://backend.userland.com/rss2',
  'http://blogs.law.harvard.edu/tech/rss',
  'http://my.netscape.com/rdf/simple/0.9/',
  'http://channel.netscape.com/rdf/simple/0.9/',
]);

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

const MAY_HOLD_BODY = /<(?:[A-Za-z_][\w.-]*:)?body[\s/>]/;

/**
 * XHTML markup (an Atom xhtml construct's content) as HTML. The `<div>` in the XHTML namespace
 * that RFC 4287 §3.1.1.3 wraps the content in is not part of it and is dropped when still there.
 * Markup nesting deeper than MAX_TREE_DEPTH is returned as it is.
 */
export function xhtmlToHtml(markup: string): string {
  if (nestsDeeperThan(markup, MAX_TREE_DEPTH)) return markup;
  const nodes = parseXml(markup).children;
  const significant = nodes.filter((node) => !(DomUtils.isText(node) && node.data.trim() === '') && !DomUtils.isComment(node));
  const [only] = significant;
  if (significant.length === 1 && isElement(only) && localName(only.name) === 'div' && namespaceOf(only) === XHTML_NAMESPACE) {
    return renderHtml(only.children).trim();
  }
  return renderHtml(nodes).trim();
}

/**
 * The feed text with each RSS/RDF item's XHTML `<body>` given as the `<content:encoded>` HTML the
 * feed parser reads (it skips elements of namespaces it does not know). An item that already has
 * `<content:encoded>` keeps it; only an item's first body counts. Unchanged when there is none, or
 * when the document nests deeper than MAX_TREE_DEPTH (which the feed parser refuses anyway).
 */
export function inlineXhtmlBodies(text: string): string {
  if (!MAY_HOLD_BODY.test(text) || nestsDeeperThan(text, MAX_TREE_DEPTH)) return text;
  const document = parseXml(text, { positions: true });
  const bodies = DomUtils.findAll((element) => isItemBody(element), document.children);
  let result = text;
  // From the end, so the positions of the bodies not yet replaced still hold.
  for (const body of bodies.reverse()) {
    const html = renderHtml(body.children).trim();
    if (!html || body.startIndex === null || body.endIndex === null) continue;
    const cdata = html.replace(/]]>/g, ']]]]><![CDATA[>');
    const encoded = `<content:encoded xmlns:content="${CONTENT_NAMESPACE}"><![CDATA[${cdata}]]></content:encoded>`;
    result = result.slice(0, body.startIndex) + encoded + result.slice(body.endIndex + 1);
  }
  return result;
}

function isItemBody(element: XmlElement): boolean {
  if (localName(element.name) !== 'body') return false;
  const item = parentElement(element);
  if (!item || localName(item.name).toLowerCase() !== 'item') return false;
  const siblings = item.children.filter(isElement);
  if (siblings.find((sibling) => localName(sibling.name) === 'body') !== element) return false;
  if (siblings.some((sibling) => localName(sibling.name) === 'encoded' && namespaceOf(sibling) === CONTENT_NAMESPACE)) return false;
  const namespace = namespaceOf(element);
  if (namespace === null) return prefixOf(element.name) === '' || prefixOf(element.name) === 'xhtml';
  return namespace === XHTML_NAMESPACE || namespace === '' || FEED_NAMESPACES.has(namespace);
}

/** The nodes as HTML: elements by their local names, namespace declarations dropped; comments and processing instructions are not content. */
function renderHtml(nodes: readonly XmlNode[]): string {
  let html = '';
  for (const node of nodes) {
    if (isElement(node)) {
      const name = localName(node.name);
      html += `<${name}${renderAttributes(node)}>`;
      // A void element has no end tag in HTML; whatever XHTML put inside it follows it.
      html += renderHtml(node.children);
      if (!VOID_ELEMENTS.has(name.toLowerCase())) html += `</${name}>`;
    } else if (DomUtils.isText(node)) {
      html += node.data;
    } else if (DomUtils.isCDATA(node)) {
      html += escapeText(DomUtils.textContent(node));
    }
  }
  return html;
}

function renderAttributes(element: XmlElement): string {
  let rendered = '';
  for (const [name, value] of Object.entries(element.attribs)) {
    if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
    if (name === 'xml:lang' && 'lang' in element.attribs) continue;
    const htmlName = name === 'xml:lang' ? 'lang' : name;
    rendered += ` ${htmlName}="${value.replace(/"/g, '&quot;')}"`;
  }
  return rendered;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
