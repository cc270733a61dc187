import { UnprocessableDocumentError } from '@wirestream/contracts';
import { detect as sniffCharset } from 'chardet';
import iconv from 'iconv-lite';
import { canonicalCharset } from './charset-labels';

export interface DecodedText {
  text: string;
  /** Lowercase canonical name of the charset the bytes were decoded from ('utf-8', 'euc-kr'). */
  charset: string;
}

export interface DecodeTextOptions {
  /** The HTTP Content-Type header the bytes came with, if any. */
  contentType?: string | null;
}

/** How far into the bytes the XML declaration and HTML <meta> charset are looked for. */
const PRESCAN_BYTES = 4096;
/** How much of the bytes chardet looks at: plenty for a confident guess, bounded for big files. */
const SNIFF_BYTES = 64 * 1024;

/**
 * Decodes a document's bytes to text. The charset is the first of: byte order mark, HTTP
 * Content-Type charset, XML declaration encoding, HTML <meta charset> / <meta http-equiv>,
 * a sniff of the bytes (valid UTF-8, else chardet), and finally UTF-8.
 *
 * Like browsers, a document labelled ISO-8859-1 or US-ASCII that uses bytes 0x80–0x9F (which are
 * control codes there) is decoded as windows-1252, whose curly quotes and dashes those bytes are.
 *
 * @throws UnprocessableDocumentError when the charset label is unknown or not supported.
 */
export function decodeText(bytes: Uint8Array, options: DecodeTextOptions = {}): DecodedText {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const charset = chooseCharset(buffer, options.contentType ?? null);
  return { text: iconv.decode(buffer, charset), charset };
}

function chooseCharset(bytes: Buffer, contentType: string | null): string {
  const fromBom = charsetFromByteOrder(bytes);
  if (fromBom) return fromBom;

  const httpLabel = contentType ? charsetParameter(contentType) : null;
  if (httpLabel) return resolveLabel(httpLabel, 'the HTTP Content-Type header', bytes);

  const head = bytes.subarray(0, PRESCAN_BYTES).toString('latin1');
  const xmlLabel = xmlDeclarationEncoding(head);
  if (xmlLabel) return asciiCompatible(resolveLabel(xmlLabel, 'the XML declaration', bytes));

  const metaLabel = htmlMetaCharset(head);
  if (metaLabel) return asciiCompatible(resolveLabel(metaLabel, 'an HTML <meta> tag', bytes));

  return sniff(bytes);
}

function charsetFromByteOrder(bytes: Buffer): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  // UTF-16 XML without a byte order mark still starts with '<?' or '<' and a letter.
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] !== 0x00 && bytes[3] === 0x00) return 'utf-16le';
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && bytes[3] !== 0x00) return 'utf-16be';
  return null;
}

function charsetParameter(contentType: string): string | null {
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^;\s]*))/i.exec(contentType);
  const label = match ? (match[1] ?? match[2] ?? match[3] ?? '').trim() : '';
  return label || null;
}

function xmlDeclarationEncoding(head: string): string | null {
  const declaration = /^\s*<\?xml\s[^>]*?\?>/.exec(head)?.[0];
  if (!declaration) return null;
  return /\sencoding\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(declaration)?.slice(1).find((value) => value !== undefined)?.trim() || null;
}

function htmlMetaCharset(head: string): string | null {
  for (const [tag] of head.matchAll(/<meta\s[^>]*>/gi)) {
    const label = /charset\s*=\s*["']?\s*([^"'\s;/>]+)/i.exec(tag)?.[1];
    if (label) return label;
  }
  return null;
}

/**
 * A charset found by reading the bytes as ASCII cannot be UTF-16 or UTF-32 (those would have
 * shown up as a byte order mark or NUL bytes), so such a declaration is wrong; browsers read UTF-8.
 */
function asciiCompatible(charset: string): string {
  return /^utf-(16|32)/.test(charset) ? 'utf-8' : charset;
}

function resolveLabel(label: string, where: string, bytes: Buffer): string {
  const charset = canonicalCharset(label);
  if (!charset) throw new UnprocessableDocumentError(`unsupported charset "${label}" declared in ${where}`);
  return preferWindows1252(charset, bytes);
}

function preferWindows1252(charset: string, bytes: Buffer): string {
  if (charset !== 'iso-8859-1' && charset !== 'us-ascii') return charset;
  if (bytes.some((byte) => byte >= 0x80 && byte <= 0x9f)) return 'windows-1252';
  if (charset === 'us-ascii' && bytes.some((byte) => byte >= 0x80)) return 'windows-1252';
  return charset;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function sniff(bytes: Buffer): string {
  // ISO-2022 encodings are 7-bit and so also valid UTF-8: their escape sequences give them away.
  if (!bytes.includes(0x1b) && isValidUtf8(bytes)) return 'utf-8';
  const sniffed = sniffCharset(bytes.subarray(0, SNIFF_BYTES));
  if (!sniffed) return 'utf-8';
  const charset = canonicalCharset(sniffed);
  if (!charset) throw new UnprocessableDocumentError(`unsupported charset "${sniffed}" (sniffed from the bytes; no charset was declared)`);
  return preferWindows1252(charset, bytes);
}

function isValidUtf8(bytes: Buffer): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}
