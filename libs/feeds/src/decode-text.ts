import { ErrorCode, UnprocessableDocumentError } from '@wirestream/contracts';
import { canonicalCharset, isSingleByteCharset, whatwgCharset } from './charset-labels';
import { byteOrderEvidence } from './charset/byte-order';
import { decodeBytes } from './charset/decode-bytes';
import { repairDoubleEncodedUtf8 } from './charset/mojibake';
import { sniffLegacyCharset, type SniffedCharset } from './charset/sniff';
import { decodeUtf8WithWindows1252Bytes, hasNonAscii, isValidUtf8, utf8Census } from './charset/utf8';

export interface DecodedText {
  text: string;
  /** Lowercase canonical name of the charset the bytes were decoded from ('utf-8', 'euc-kr'). */
  charset: string;
  /**
   * Where the decision went beyond taking a label at its word, why: a label the bytes contradict,
   * a WHATWG re-mapping, a guess, a repair ('declared iso-8859-1 in the XML declaration but bytes
   * are UTF-8: read as UTF-8', 'charset guessed: windows-874 (confidence 0.62)').
   */
  notes: string[];
  /** chardet's confidence in the charset (0–1), when it was guessed from the bytes. */
  confidence?: number;
}

export interface DecodeTextOptions {
  /** The HTTP Content-Type header the bytes came with, if any. */
  contentType?: string | null;
}

/** How far into the bytes the XML declaration and HTML <meta> charset are looked for. */
const PRESCAN_BYTES = 4096;

/** How the bytes are to be read. */
interface Reading {
  /** Recorded as the document's charset. */
  charset: string;
  /** The iconv-lite codec that decodes it ('cp949' for 'euc-kr'). */
  decoder: string;
  confidence?: number;
  /** UTF-8 with stray bytes that are read as windows-1252. */
  utf8WithWindows1252Bytes?: boolean;
}

/**
 * Decodes a document's bytes to text. The charset is the first of (WHATWG Encoding standard, XML 1.0
 * Appendix F): a byte order mark (UTF-8, UTF-16, UTF-32) or the NUL bytes of BOM-less UTF-16/UTF-32
 * XML; the HTTP Content-Type charset; the XML declaration's encoding; an HTML <meta charset> /
 * <meta http-equiv>; and, with nothing declared, UTF-8 when the bytes are UTF-8, else chardet's best
 * guess the bytes are valid in.
 *
 * A label is read as WHATWG reads it ('iso-8859-1', 'us-ascii', 'latin1' as windows-1252, 'gb2312'
 * and 'gbk' as gb18030) and checked against the bytes: a single-byte label on bytes that are UTF-8
 * with non-ASCII characters (or a multi-byte label the bytes are not valid in, when they are UTF-8)
 * is overridden by UTF-8; a UTF-8 label on bytes that are mostly not UTF-8 by a guess, and a few
 * stray bytes in UTF-8 are read as windows-1252. Bytes that are all ASCII read alike in every such
 * charset, and keep the declared one's name. Decoded text that is clearly double-encoded UTF-8
 * ('Ã©' for 'é') is repaired. `notes` says which of these happened.
 *
 * @throws UnprocessableDocumentError when the charset label is unknown or not supported.
 */
export function decodeText(bytes: Uint8Array, options: DecodeTextOptions = {}): DecodedText {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const notes: string[] = [];
  const reading = chooseReading(buffer, options.contentType ?? null, notes);
  let text = reading.utf8WithWindows1252Bytes ? decodeUtf8WithWindows1252Bytes(buffer) : decodeBytes(buffer, reading.decoder);
  const repair = repairDoubleEncodedUtf8(text);
  if (repair) {
    text = repair.text;
    notes.push(`repaired double-encoded UTF-8 (${repair.sequences} ${repair.sequences === 1 ? 'character' : 'characters'} read as "Ã©", "â€™" and the like)`);
  }
  return { text, charset: reading.charset, notes, ...(reading.confidence === undefined ? {} : { confidence: reading.confidence }) };
}

function chooseReading(bytes: Buffer, contentType: string | null, notes: string[]): Reading {
  const byteOrder = byteOrderEvidence(bytes);
  if (byteOrder) {
    if (byteOrder.from === 'xml-start') notes.push(`no byte order mark, but the first bytes are XML in ${byteOrder.charset.toUpperCase()}`);
    return as(byteOrder.charset);
  }

  const httpLabel = contentType ? charsetParameter(contentType) : null;
  if (httpLabel) return readDeclared(httpLabel, 'the HTTP Content-Type header', bytes, notes);

  const head = bytes.subarray(0, PRESCAN_BYTES).toString('latin1');
  const xmlLabel = xmlDeclarationEncoding(head);
  if (xmlLabel) return readDeclared(asciiCompatible(xmlLabel, 'the XML declaration', notes), 'the XML declaration', bytes, notes);

  const metaLabel = htmlMetaCharset(head);
  if (metaLabel) return readDeclared(asciiCompatible(metaLabel, 'an HTML <meta> tag', notes), 'an HTML <meta> tag', bytes, notes);

  return readUndeclared(bytes, notes);
}

function as(charset: string): Reading {
  return { charset, decoder: charset };
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
function asciiCompatible(label: string, where: string, notes: string[]): string {
  const charset = canonicalCharset(label);
  if (!charset || !/^utf-(16|32)/.test(charset)) return label;
  notes.push(`${where} declares ${label} in bytes that read as ASCII: read as UTF-8`);
  return 'utf-8';
}

function readDeclared(label: string, where: string, bytes: Buffer, notes: string[]): Reading {
  const charset = canonicalCharset(label);
  if (!charset) throw new UnprocessableDocumentError(`unsupported charset "${label}" declared in ${where}`, { code: ErrorCode.CHARSET_UNDECODABLE });
  // All ASCII: every ASCII-compatible charset reads the bytes alike, and nothing contradicts the label.
  if (!hasNonAscii(bytes) || /^utf-(16|32)/.test(charset)) return as(charset);
  if (charset === 'utf-8') return readDeclaredUtf8(bytes, where, notes);

  const whatwg = whatwgCharset(charset);
  if (isValidUtf8(bytes)) {
    if (isSingleByteCharset(whatwg.decoder)) {
      notes.push(`declared ${charset} in ${where} but bytes are UTF-8: read as UTF-8`);
      return as('utf-8');
    }
    if (decodeBytes(bytes, whatwg.decoder).includes('\ufffd')) {
      notes.push(`declared ${charset} in ${where} but bytes are not valid ${charset} and are UTF-8: read as UTF-8`);
      return as('utf-8');
    }
  }
  if (whatwg.charset !== charset) notes.push(`declared ${charset} in ${where}: read as ${whatwg.charset}, as the WHATWG Encoding standard does`);
  return whatwg;
}

/**
 * A UTF-8 label on bytes that are not UTF-8: either UTF-8 with a few stray bytes, or a legacy
 * charset mislabelled, whose charset is guessed.
 */
function readDeclaredUtf8(bytes: Buffer, where: string, notes: string[]): Reading {
  if (isValidUtf8(bytes)) return as('utf-8');
  const mostlyUtf8 = readMostlyUtf8(bytes, `declared utf-8 in ${where} but`, notes);
  if (mostlyUtf8) return mostlyUtf8;
  const sniffed = trySniff(bytes);
  if (!sniffed) return readMostlyUtf8(bytes, `declared utf-8 in ${where} but`, notes, true) as Reading;
  notes.push(`declared utf-8 in ${where} but bytes are not UTF-8: read as ${sniffed.charset}`);
  notes.push(guessNote(sniffed));
  return sniffed;
}

function readUndeclared(bytes: Buffer, notes: string[]): Reading {
  // ISO-2022 encodings are 7-bit and so also valid UTF-8: their escape sequences give them away.
  const utf8 = isValidUtf8(bytes);
  if (utf8 && !bytes.includes(0x1b)) return as('utf-8');
  const mostlyUtf8 = utf8 ? null : readMostlyUtf8(bytes, 'no charset declared;', notes);
  if (mostlyUtf8) return mostlyUtf8;
  const sniffed = sniffLegacyCharset(bytes);
  if (!sniffed || utf8) return as('utf-8');
  notes.push(guessNote(sniffed));
  return sniffed;
}

/**
 * Bytes that are not UTF-8 throughout but mostly are: ones that end inside a character (cut off),
 * and ones whose UTF-8 sequences are at least twice as many as the bytes that are not UTF-8. Those
 * bytes were pasted from windows-1252 copy (a curly quote 0x92) and are read as such. Legacy
 * charsets do not look like this: in Shift_JIS, EUC-x, GB18030 or windows-874 text some byte pairs
 * happen to be UTF-8, but at most a third as many as the bytes that are not. Null for other bytes,
 * unless `anyway`.
 */
function readMostlyUtf8(bytes: Buffer, context: string, notes: string[], anyway = false): Reading | null {
  const { multiByte, invalid } = utf8Census(bytes);
  if (invalid === 0) {
    notes.push(`${context} the bytes end inside a UTF-8 character, which reads as U+FFFD`);
    return as('utf-8');
  }
  if (multiByte < 2 * invalid && !anyway) return null;
  notes.push(`${context} ${invalid} of the bytes are not UTF-8 (${multiByte} UTF-8 sequences are): read them as windows-1252`);
  return { charset: 'utf-8', decoder: 'utf-8', utf8WithWindows1252Bytes: true };
}

/** A sniff for bytes declared UTF-8: a guess of a charset iconv-lite lacks is no guess here. */
function trySniff(bytes: Buffer): SniffedCharset | null {
  try {
    return sniffLegacyCharset(bytes);
  } catch (error) {
    if (error instanceof UnprocessableDocumentError) return null;
    throw error;
  }
}

function guessNote({ charset, confidence, ruledOut, clean }: SniffedCharset): string {
  let note = `charset guessed: ${charset} (confidence ${confidence})`;
  if (ruledOut.length > 0) note += `; ruled out ${ruledOut.join(', ')}: the bytes are not valid text in them`;
  if (!clean) note += '; no charset decodes the bytes cleanly';
  return note;
}
