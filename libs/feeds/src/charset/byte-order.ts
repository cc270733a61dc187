export interface ByteOrderEvidence {
  charset: 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be';
  /** A byte order mark, or the first bytes of BOM-less XML (XML 1.0 Appendix F). */
  from: 'bom' | 'xml-start';
}

/**
 * The Unicode encoding the first bytes prove: a byte order mark (UTF-32 ones checked before UTF-16,
 * whose little-endian mark FF FE begins UTF-32LE's FF FE 00 00), or XML without one, whose '<' and
 * '?' (or a name's first letter) come with NUL bytes in UTF-16 and UTF-32 (XML 1.0 Appendix F).
 */
export function byteOrderEvidence(bytes: Uint8Array): ByteOrderEvidence | null {
  const [b0, b1, b2, b3] = bytes;
  const at = (charset: ByteOrderEvidence['charset'], from: ByteOrderEvidence['from']): ByteOrderEvidence => ({ charset, from });
  if (bytes.length >= 4 && b0 === 0xff && b1 === 0xfe && b2 === 0x00 && b3 === 0x00) return at('utf-32le', 'bom');
  if (bytes.length >= 4 && b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff) return at('utf-32be', 'bom');
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return at('utf-8', 'bom');
  if (b0 === 0xfe && b1 === 0xff) return at('utf-16be', 'bom');
  if (b0 === 0xff && b1 === 0xfe) return at('utf-16le', 'bom');
  if (bytes.length < 4) return null;
  if (b0 === 0x3c && b1 === 0x00 && b2 === 0x00 && b3 === 0x00) return at('utf-32le', 'xml-start');
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0x00 && b3 === 0x3c) return at('utf-32be', 'xml-start');
  // '<?' (3C 00 3F 00), or '<' then a name's first character ('<rss', '<!DOCTYPE').
  if (b0 === 0x3c && b1 === 0x00 && b2 !== 0x00 && b3 === 0x00) return at('utf-16le', 'xml-start');
  if (b0 === 0x00 && b1 === 0x3c && b2 === 0x00 && b3 !== 0x00) return at('utf-16be', 'xml-start');
  return null;
}
