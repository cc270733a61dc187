import { ErrorCode, UnprocessableDocumentError } from '@wirestream/contracts';

/**
 * Lexical checks on XML text that run before any parser sees it: refusing DTDs (the vehicle of
 * entity-expansion bombs and external entities), finding the root element, and checking that the
 * elements nest and close (the feed parser is lenient and would silently accept a truncated file).
 */

/**
 * Throws when the text declares entities or carries a DOCTYPE with an internal subset. A DOCTYPE
 * that only names an external DTD (`<!DOCTYPE rss PUBLIC "…" "…">`, common in RSS 0.91) is allowed:
 * nothing here ever fetches or reads it.
 */
export function assertNoDtdDeclarations(text: string, what: string): void {
  const refused = `${what} refused: DTD/entity declarations are not allowed`;
  if (/<!ENTITY/i.test(text)) throw new UnprocessableDocumentError(`${refused} (found <!ENTITY)`, { code: ErrorCode.XML_DTD_REFUSED });
  const doctype = /<!DOCTYPE/gi;
  for (let match = doctype.exec(text); match; match = doctype.exec(text)) {
    const { internalSubset, end } = scanDoctype(text, doctype.lastIndex);
    if (internalSubset) throw new UnprocessableDocumentError(`${refused} (found a <!DOCTYPE> with an internal subset)`, { code: ErrorCode.XML_DTD_REFUSED });
    if (end === -1) return; // unterminated: no later DOCTYPE can end either (malformed; the parser will say so)
    doctype.lastIndex = end;
  }
}

/** Scans a DOCTYPE from just after '<!DOCTYPE' to its '>' (-1 if none) or its internal subset '['. */
function scanDoctype(text: string, from: number): { internalSubset: boolean; end: number } {
  for (let index = from; index < text.length; index++) {
    const char = text[index];
    if (char === '[') return { internalSubset: true, end: index };
    if (char === '>') return { internalSubset: false, end: index + 1 };
    if (char === '"' || char === "'") {
      const close = text.indexOf(char, index + 1);
      if (close === -1) break;
      index = close;
    }
  }
  return { internalSubset: false, end: -1 };
}

/**
 * The name of the root element (with its prefix, e.g. 'rdf:RDF'), skipping the XML declaration,
 * processing instructions, comments and a DOCTYPE; null when the text does not start like XML.
 */
export function rootElementName(text: string): string | null {
  let index = 0;
  for (;;) {
    while (index < text.length && isXmlSpace(text.charCodeAt(index))) index++;
    if (text.startsWith('<?', index)) index = endOf(text, '?>', index);
    else if (text.startsWith('<!--', index)) index = endOf(text, '-->', index);
    else if (text.slice(index, index + 9).toUpperCase() === '<!DOCTYPE') index = endOfDoctype(text, index);
    else break;
    if (index === -1) return null;
  }
  return /^<([A-Za-z_][\w.:\u00b7-\uffff-]*)[\s/>]/.exec(text.slice(index, index + 256))?.[1] ?? null;
}

function endOf(text: string, terminator: string, from: number): number {
  const end = text.indexOf(terminator, from);
  return end === -1 ? -1 : end + terminator.length;
}

function endOfDoctype(text: string, from: number): number {
  let inSubset = false;
  for (let index = from + 9; index < text.length; index++) {
    const char = text[index];
    if (char === '"' || char === "'") {
      const close = text.indexOf(char, index + 1);
      if (close === -1) return -1;
      index = close;
    } else if (char === '[') inSubset = true;
    else if (char === ']') inSubset = false;
    else if (char === '>' && !inSubset) return index + 1;
  }
  return -1;
}

function isXmlSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xfeff;
}

const START_TAG_NAME = /<([A-Za-z_:\u00c0-\uffff][\w.:\u00b7-\uffff-]*)/y;
const END_TAG = /<\/([A-Za-z_:\u00c0-\uffff][\w.:\u00b7-\uffff-]*)\s*>/y;

/**
 * The first structural problem of the XML text — an element left open, closed by the wrong end
 * tag, an unterminated comment, CDATA section or tag, a stray '<' — or null when the elements
 * nest properly under one root. Attribute syntax and entity references are left to the parser.
 */
export function findXmlStructureProblem(text: string): string | null {
  const open: Array<{ name: string; at: number }> = [];
  let rootClosed = false;
  let rootSeen = false;
  let index = 0;
  for (;;) {
    const lt = text.indexOf('<', index);
    if (lt === -1) break;
    const where = () => `at line ${lineOf(text, lt)}`;
    if (text.startsWith('<!--', lt)) {
      index = endOf(text, '-->', lt + 4);
      if (index === -1) return `unterminated comment ${where()}`;
    } else if (text.startsWith('<![CDATA[', lt)) {
      if (open.length === 0) return `CDATA section outside the root element ${where()}`;
      index = endOf(text, ']]>', lt + 9);
      if (index === -1) return `unterminated CDATA section ${where()}`;
    } else if (text.startsWith('<?', lt)) {
      index = endOf(text, '?>', lt + 2);
      if (index === -1) return `unterminated processing instruction ${where()}`;
    } else if (text.startsWith('<!', lt)) {
      if (rootSeen) return `unexpected markup declaration inside the document ${where()}`;
      index = endOfDoctype(text, lt);
      if (index === -1) return `unterminated DOCTYPE ${where()}`;
    } else if (text[lt + 1] === '/') {
      END_TAG.lastIndex = lt;
      const name = END_TAG.exec(text)?.[1];
      if (!name) return `malformed end tag ${where()}`;
      const expected = open.pop();
      if (!expected) return `end tag </${name}> without a matching start tag ${where()}`;
      if (expected.name !== name) {
        return `mismatched end tag </${name}> ${where()}: <${expected.name}> opened at line ${lineOf(text, expected.at)} is still open`;
      }
      if (open.length === 0) rootClosed = true;
      index = END_TAG.lastIndex;
    } else {
      START_TAG_NAME.lastIndex = lt;
      const name = START_TAG_NAME.exec(text)?.[1];
      if (!name) return `'<' not followed by a tag name ${where()}`;
      if (rootClosed) return `element <${name}> after the end of the root element ${where()}`;
      const end = startTagEnd(text, START_TAG_NAME.lastIndex);
      if (end === -1) return `unterminated start tag <${name}> ${where()}`;
      rootSeen = true;
      if (text[end - 1] !== '/') open.push({ name, at: lt });
      else if (open.length === 0) rootClosed = true;
      index = end + 1;
    }
  }
  const unclosed = open.at(-1);
  if (unclosed) return `unexpected end of document: <${unclosed.name}> opened at line ${lineOf(text, unclosed.at)} is not closed`;
  if (!rootSeen) return 'no root element';
  return null;
}

/** Index of the '>' that ends a start tag whose attributes begin at `from`, or -1 (quoted values skipped). */
export function startTagEnd(text: string, from: number): number {
  for (let index = from; index < text.length; index++) {
    const char = text[index];
    if (char === '>') return index;
    if (char === '<') return -1;
    if (char === '"' || char === "'") {
      const close = text.indexOf(char, index + 1);
      if (close === -1) return -1;
      index = close;
    }
  }
  return -1;
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) line++;
  return line;
}
