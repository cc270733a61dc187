import { ErrorCode, UnprocessableDocumentError } from '@wirestream/contracts';
import { analyse } from 'chardet';
import { canonicalCharset, whatwgCharset, windowsCounterpart } from '../charset-labels';
import { decodeBytes } from './decode-bytes';

/** How much of the bytes chardet looks at: plenty for a confident guess, bounded for big files. */
const SNIFF_BYTES = 64 * 1024;

export interface SniffedCharset {
  /** Lowercase canonical name, as WHATWG reads it ('windows-1252' for an ISO-8859-1 guess). */
  charset: string;
  /** The iconv-lite codec that decodes it. */
  decoder: string;
  /** chardet's confidence in the guess, 0–1. */
  confidence: number;
  /** Better-ranked guesses the bytes are not valid in. */
  ruledOut: string[];
  /** False when no guess decodes without flaws, and this is the one with the fewest. */
  clean: boolean;
}

/**
 * Guesses the legacy charset of bytes that declare none and are not UTF-8: chardet ranks the
 * charsets by how well byte frequencies fit each language, and the first guess the bytes are valid
 * in wins. A guess is not valid when decoding yields U+FFFD (bytes the charset has no character
 * for, a double-byte lead without its trail byte), C1 control characters, private-use characters
 * or Latin-1 symbols inside words (Thai read as Latin-1: "ÊÓ¹Ñ¡§Ò¹");
 * an ISO-8859 guess that yields C1 controls is read as its windows-125x counterpart instead, which
 * has characters there (WHATWG). Null when chardet has no guess at all.
 *
 * @throws UnprocessableDocumentError when the best guess is a charset iconv-lite cannot decode (ISO-2022-JP).
 */
export function sniffLegacyCharset(bytes: Buffer): SniffedCharset | null {
  const sample = bytes.subarray(0, SNIFF_BYTES);
  const truncated = bytes.length > sample.length;
  const guesses = analyse(sample);
  if (guesses.length === 0) return null;
  if (!canonicalCharset(guesses[0].name)) {
    throw new UnprocessableDocumentError(`unsupported charset "${guesses[0].name}" (sniffed from the bytes; no charset was declared)`, { code: ErrorCode.CHARSET_UNDECODABLE });
  }

  const ruledOut: string[] = [];
  let fallback: (SniffedCharset & { flaws: number }) | null = null;
  for (const guess of guesses) {
    const canonical = canonicalCharset(guess.name);
    // UTF-8 was ruled out before sniffing; charsets iconv-lite lacks cannot be read.
    if (!canonical || canonical === 'utf-8') continue;
    const confidence = Math.round(guess.confidence) / 100;
    for (const { charset, decoder } of readings(canonical)) {
      if (ruledOut.includes(charset)) continue;
      const flaws = countFlaws(decodeBytes(sample, decoder), truncated);
      if (flaws === 0) return { charset, decoder, confidence, ruledOut, clean: true };
      if (!fallback || flaws < fallback.flaws) fallback = { charset, decoder, confidence, ruledOut: [], clean: false, flaws };
      ruledOut.push(charset);
    }
  }
  if (!fallback) return null;
  const { flaws: _flaws, ...best } = fallback;
  return best;
}

/** How to read a guessed charset: as WHATWG does, then (for ISO-8859) as its windows counterpart. */
function readings(canonical: string): { charset: string; decoder: string }[] {
  const whatwg = whatwgCharset(canonical);
  const windows = windowsCounterpart(whatwg.charset);
  return windows ? [whatwg, whatwgCharset(windows)] : [whatwg];
}

/**
 * Latin-1 symbols (¡ § ¹ « ¿ × …) with a letter on each side: what text in another script
 * (Thai, say) looks like read in a Latin charset, as no Latin-script language writes it. The
 * middle dot is left out (Catalan writes l·l).
 */
const SYMBOL_INSIDE_A_WORD = /(?<=\p{L})[\u00a1-\u00b6\u00b8-\u00bf\u00d7\u00f7](?=\p{L})/gu;
/** Fewer such symbols than this are taken for chance (a name, a unit) rather than a wrong charset. */
const MIN_SYMBOLS_INSIDE_WORDS = 3;

/**
 * Characters that real text does not contain but a wrong charset produces: U+FFFD, C1 controls,
 * private-use characters and (from MIN_SYMBOLS_INSIDE_WORDS on) Latin-1 symbols inside words. The
 * last few characters of a cut-off sample are not counted: a multi-byte character the cut split
 * is not the charset's fault.
 */
function countFlaws(text: string, truncated: boolean): number {
  const checked = truncated ? text.slice(0, -4) : text;
  const invalid = checked.match(/[\ufffd\u0080-\u009f\ue000-\uf8ff]/g)?.length ?? 0;
  const symbolsInsideWords = checked.match(SYMBOL_INSIDE_A_WORD)?.length ?? 0;
  return invalid + (symbolsInsideWords >= MIN_SYMBOLS_INSIDE_WORDS ? symbolsInsideWords : 0);
}
