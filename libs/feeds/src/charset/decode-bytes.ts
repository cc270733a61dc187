import iconv from 'iconv-lite';

/** windows-1252 bytes that have no character; WHATWG reads them as the C1 controls of the same value. */
const UNDEFINED_IN_WINDOWS_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * Decodes bytes with an iconv-lite codec ('utf-8', 'windows-1252', 'cp949'), dropping a byte order
 * mark. windows-1252 is decoded as WHATWG does: its five unassigned bytes become U+0081, U+008D, …
 * rather than U+FFFD, so nothing is lost (iconv-lite would replace them).
 */
export function decodeBytes(bytes: Buffer, decoder: string): string {
  const text = iconv.decode(bytes, decoder);
  if (decoder !== 'windows-1252' || !text.includes('\ufffd')) return text;
  // A single-byte decoding: character i is byte i.
  let fixed = '';
  for (let i = 0; i < text.length; i++) fixed += UNDEFINED_IN_WINDOWS_1252.has(bytes[i]) ? String.fromCharCode(bytes[i]) : text[i];
  return fixed;
}

/** The character windows-1252 (as WHATWG reads it) has for each byte value. */
export const WINDOWS_1252: readonly string[] = [...decodeBytes(Buffer.from(Array.from({ length: 256 }, (_, byte) => byte)), 'windows-1252')];
