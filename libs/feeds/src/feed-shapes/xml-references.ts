import { decodeHTMLStrict } from 'entities';

/**
 * Entity and character references in feeds that are not well-formed XML: HTML's named entities
 * (`&nbsp;`, `&eacute;`), which XML does not define without a DTD, and bare ampersands
 * (`AT&T`, `?a=1&b=2`). The feed parser reads both leniently; a strict XML parser refuses them.
 */

/** The references XML defines without a DTD: character references and the five predefined entities. */
const XML_REFERENCE = /^&(?:#[0-9]+|#x[0-9a-fA-F]+|amp|lt|gt|quot|apos);$/;
/** An ampersand with the reference it may start, or a character that must be escaped in character data. */
const REFERENCE_OR_SPECIAL = /&(?:#[0-9]+;|#x[0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]{0,31};)?|[<>]/g;
/** Comments, CDATA sections and processing instructions (references in them are not references), or an ampersand. */
const UNPARSED_SECTION_OR_AMPERSAND = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<\?[\s\S]*?(?:\?>|$)|&(?:#[0-9]+;|#x[0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]{0,31};)?/g;

/**
 * The first undefined entity or bare ampersand outside comments, CDATA sections and processing
 * instructions, with its line; null when every reference is one XML defines.
 */
export function findReferenceProblem(text: string): string | null {
  for (const match of text.matchAll(UNPARSED_SECTION_OR_AMPERSAND)) {
    const token = match[0];
    if (!token.startsWith('&') || XML_REFERENCE.test(token)) continue;
    const where = `at line ${lineOf(text, match.index)}`;
    return token === '&' ? `unescaped '&' ${where}` : `undefined entity ${token} ${where}`;
  }
  return null;
}

/**
 * Raw text or an attribute value (references as written) as XML character data: references XML
 * defines are kept, HTML's named entities become character references, and every other '&' and
 * every '<' and '>' is escaped; in an attribute value '"' too.
 */
export function wellFormedCharacterData(raw: string, inAttribute = false): string {
  const escaped = raw.replace(REFERENCE_OR_SPECIAL, (token) => {
    if (token === '<') return '&lt;';
    if (token === '>') return '&gt;';
    if (XML_REFERENCE.test(token)) return token;
    const decoded = token.length > 1 ? decodeHTMLStrict(token) : token;
    if (decoded === token) return `&amp;${token.slice(1)}`;
    return Array.from(decoded, (char) => `&#${char.codePointAt(0)};`).join('');
  });
  return inAttribute ? escaped.replace(/"/g, '&quot;') : escaped;
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) line++;
  return line;
}
