import { WINDOWS_1252 } from './decode-bytes';

/**
 * Double-encoded UTF-8: text whose UTF-8 bytes were once read as windows-1252 (or ISO-8859-1) and
 * encoded to UTF-8 again, so that 'é' (C3 A9) reads 'Ã©', '’' (E2 80 99) 'â€™' and 'å' 'Ã¥'. Each
 * such character is a UTF-8 lead byte's character (Â–ß for two bytes, à–ï three, ð–ô four) followed
 * by continuation bytes' characters (0x80–0xBF: '€', '™', '©', U+00A0–U+00BF, or the C1 control
 * ISO-8859-1 has there).
 */
const BYTE_OF_CHARACTER = new Map<string, number>();
for (let byte = 0x80; byte <= 0xff; byte++) {
  BYTE_OF_CHARACTER.set(WINDOWS_1252[byte], byte);
  BYTE_OF_CHARACTER.set(String.fromCharCode(byte), byte);
}

const continuationClass = `[${[...BYTE_OF_CHARACTER]
  .filter(([, byte]) => byte <= 0xbf)
  .map(([character]) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`)
  .join('')}]`;
const C = continuationClass;
const SEQUENCE = new RegExp(`[\\u00c2-\\u00df]${C}|[\\u00e0-\\u00ef]${C}{2}|[\\u00f0-\\u00f4]${C}{3}`, 'g');

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The character a double-encoded sequence stood for, or null when its bytes are not UTF-8. */
function undo(sequence: string): string | null {
  const bytes = Uint8Array.from([...sequence], (character) => BYTE_OF_CHARACTER.get(character) ?? 0);
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/** What may legitimately follow a word's last capital: 'IRMÃ”', 'MAÇÃ…', '«AMANHÃ»'. */
const CLOSING_PUNCTUATION = new Set(['\u201d', '\u2019', '\u00bb', '\u2026', '\u2013', '\u2014', '\u00a0']);

/**
 * Whether one sequence is evidence on its own: 'Ã' or 'Â' before a symbol or a C1 control ('Ã©',
 * 'Ã¥', 'Â°'), or a lowercase accented letter before two of them ('â€™', 'ä¸­'), which legitimate
 * text does not have. 'Ã' before closing punctuation ends Portuguese capitals, though.
 */
function isTelling(sequence: string): boolean {
  if (sequence.length >= 3) return true;
  return (sequence[0] === '\u00c2' || sequence[0] === '\u00c3') && !CLOSING_PUNCTUATION.has(sequence[1]);
}

/**
 * Scripts of the letters two-byte UTF-8 encodes (U+0080–U+07FF), Latin aside: doubly encoded Latin
 * text has telling sequences ('Ã©', 'Ã³'), and Latin letters from others are accented capitals
 * before punctuation ('É”' would be 'ɔ').
 */
const SCRIPTS = ['Greek', 'Cyrillic', 'Armenian', 'Hebrew', 'Arabic', 'Syriac', 'Thaana', 'Nko', 'Coptic'].map(
  (script) => new RegExp(`^\\p{Script=${script}}$`, 'u'),
);

function scriptOf(character: string): number {
  return SCRIPTS.findIndex((script) => script.test(character));
}

export interface Repair {
  text: string;
  /** How many double-encoded characters were restored. */
  sequences: number;
}

/**
 * Restores double-encoded UTF-8 when the evidence is clear, else returns null. Every sequence that
 * looks double-encoded must be valid UTF-8 once re-encoded as windows-1252 bytes (else the evidence
 * is mixed), and either one of them is telling ('Ã©', 'â€™'), or there are at least three that
 * stand for letters of one script other than Latin and hold nearly all the text's
 * non-ASCII characters: doubly encoded Cyrillic 'ÐœÐ¾ÑÐºÐ²Ð°', not accented capitals before a quote
 * or an ellipsis ('JOSÉ”', 'CAFÉ…'), legitimate in Spanish or French. Legitimate Latin-1 ('São Tomé',
 * 'Straße') has no such sequences at all. Where the evidence is clear, an 'â€' left over is a '”'
 * whose last byte (9D, which windows-1252 lacks) was dropped. Text encoded twice over is repaired
 * twice; what is left must look double-encoded no more.
 */
export function repairDoubleEncodedUtf8(text: string): Repair | null {
  const undone = new Map<string, string | null>();
  const undoOnce = (sequence: string): string | null => {
    if (!undone.has(sequence)) undone.set(sequence, undo(sequence));
    return undone.get(sequence) as string | null;
  };
  let current = text;
  let sequences = 0;
  for (let round = 0; round < 3; round++) {
    const found = current.match(SEQUENCE);
    if (!found) break;
    const restored = found.map(undoOnce);
    if (!isClearEvidence(current, found, restored)) return null;
    current = current.replace(SEQUENCE, (sequence) => undoOnce(sequence) as string);
    sequences += found.length;
  }
  if (sequences === 0 || current.match(SEQUENCE)) return null;
  // '”' is E2 80 9D, and windows-1252 has no character for 9D: many a converter dropped it.
  current = current.replace(/\u00e2\u20ac/g, () => {
    sequences++;
    return '\u201d';
  });
  return { text: current, sequences };
}

function isClearEvidence(text: string, found: string[], restored: (string | null)[]): boolean {
  if (restored.some((character) => character === null)) return false;
  if (found.some(isTelling)) return true;
  if (found.length < 3) return false;
  const scripts = new Set(restored.map((character) => scriptOf(character as string)));
  if (scripts.size !== 1 || scripts.has(-1)) return false;
  const nonAscii = text.match(/[^\p{ASCII}]/gu)?.length ?? 0;
  const inSequences = found.reduce((sum, sequence) => sum + sequence.length, 0);
  return inSequences >= 0.9 * nonAscii;
}
