import { WINDOWS_1252 } from './decode-bytes';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Whether the bytes are well-formed UTF-8 throughout (no stray bytes, overlongs or surrogates). */
export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Whether any byte is outside ASCII. */
export function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return true;
  return false;
}

/**
 * The length of the well-formed UTF-8 sequence starting at `i` (Unicode table 3-7), or 0 when the
 * byte there does not start one: a stray continuation byte, an overlong or surrogate form, a lead
 * byte without its continuation bytes.
 */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i];
  if (lead < 0x80) return 1;
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead === 0xe0) low = 0xa0;
    if (lead === 0xed) high = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead === 0xf0) low = 0x90;
    if (lead === 0xf4) high = 0x8f;
  } else return 0;
  for (let k = 1; k < length; k++) {
    const byte = bytes[i + k];
    if (byte === undefined) return 0;
    if (k === 1 ? byte < low || byte > high : byte < 0x80 || byte > 0xbf) return 0;
  }
  return length;
}

export interface Utf8Census {
  /** Well-formed sequences of two bytes or more. */
  multiByte: number;
  /** Bytes that are not part of any well-formed sequence (a sequence the end cuts short aside). */
  invalid: number;
}

/** Counts the well-formed multi-byte UTF-8 sequences and the bytes that are not UTF-8. */
export function utf8Census(bytes: Uint8Array): Utf8Census {
  const census = { multiByte: 0, invalid: 0 };
  for (let i = 0; i < bytes.length; ) {
    const length = sequenceLength(bytes, i);
    if (length === 0 && isTruncatedTail(bytes, i)) break;
    if (length === 0) {
      census.invalid++;
      i++;
    } else {
      if (length > 1) census.multiByte++;
      i += length;
    }
  }
  return census;
}

/**
 * Decodes UTF-8 in which some bytes are not UTF-8 (a windows-1252 curly quote pasted into UTF-8
 * copy): well-formed sequences as UTF-8, every other byte as the windows-1252 character it is. A
 * sequence cut short by the end of the bytes is a truncation, and becomes U+FFFD.
 */
export function decodeUtf8WithWindows1252Bytes(bytes: Buffer): string {
  let text = '';
  let runStart = 0;
  for (let i = 0; i < bytes.length; ) {
    const length = sequenceLength(bytes, i);
    if (length > 0) {
      i += length;
      continue;
    }
    text += bytes.toString('utf8', runStart, i);
    const truncated = isTruncatedTail(bytes, i);
    text += truncated ? '\ufffd' : WINDOWS_1252[bytes[i]];
    i = truncated ? bytes.length : i + 1;
    runStart = i;
  }
  return text + bytes.toString('utf8', runStart);
}

/** Whether the bytes from `i` to the end are the beginning of a UTF-8 sequence the end cut off. */
function isTruncatedTail(bytes: Uint8Array, i: number): boolean {
  const lead = bytes[i];
  const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  if (length === 0 || bytes.length - i >= length) return false;
  for (let k = i + 1; k < bytes.length; k++) if (bytes[k] < 0x80 || bytes[k] > 0xbf) return false;
  return true;
}
