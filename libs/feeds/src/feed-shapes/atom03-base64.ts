import { DomUtils } from 'htmlparser2';
import { MAX_TREE_DEPTH, nestsDeeperThan, parseXml, type XmlElement } from './xml-dom';

/**
 * Atom 0.3 lets a content construct (title, summary, content, tagline…) carry its value base64
 * encoded, `mode="base64"`; Atom 1.0 and the feed parser know no such mode and would hand on the
 * encoded letters as the story's text. The Universal Feed Parser decodes it; so do we, here,
 * before the feed parser reads the document.
 */

const MAY_HOLD_BASE64 = /\smode\s*=\s*["']base64["']/i;
const BASE64 = /^[A-Za-z0-9+/\s]+=*\s*$/;

/**
 * The feed text with every `mode="base64"` construct's value decoded (as UTF-8) and written as
 * escaped text, `mode="escaped"`. A value that is not base64 is left as it is; so is the whole
 * text when it nests deeper than MAX_TREE_DEPTH (which the feed parser refuses anyway).
 */
export function decodeBase64Constructs(text: string): string {
  if (!MAY_HOLD_BASE64.test(text) || nestsDeeperThan(text, MAX_TREE_DEPTH)) return text;
  const document = parseXml(text, { positions: true });
  const encoded = DomUtils.findAll((element) => element.attribs.mode?.trim().toLowerCase() === 'base64', document.children);
  let result = text;
  // From the end, so the positions of the constructs not yet replaced still hold.
  for (const element of encoded.reverse()) {
    const value = DomUtils.textContent(element);
    if (!BASE64.test(value) || element.startIndex === null || element.endIndex === null) continue;
    const decoded = Buffer.from(value.replace(/\s+/g, ''), 'base64').toString('utf8');
    const replacement = `<${element.name}${attributesWithMode(element, 'escaped')}>${escapeText(decoded)}</${element.name}>`;
    result = result.slice(0, element.startIndex) + replacement + result.slice(element.endIndex + 1);
  }
  return result;
}

/** The element's attributes as written (references untouched), with `mode` set to `mode`. */
function attributesWithMode(element: XmlElement, mode: string): string {
  return Object.entries({ ...element.attribs, mode })
    .map(([name, value]) => ` ${name}="${value.replace(/"/g, '&quot;')}"`)
    .join('');
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
