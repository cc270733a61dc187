/**
 * Single-pass tokeniser: words and punctuation with UTF-16 offsets, possessive clitics split off,
 * abbreviation periods kept on their word, and sentence starts marked. One precompiled regular
 * expression walks the text once; everything else is per-token work.
 */

import { DOT_ABBREVIATIONS, FUNCTION_WORDS, wordSet } from './lexicon-words';

export interface Token {
  /** UTF-16 offset of the first character. */
  readonly start: number;
  /** UTF-16 offset one past the last character. */
  readonly end: number;
  readonly text: string;
  /** Lowercase, typographic apostrophes straightened. */
  readonly norm: string;
  /** A word (letters or digits) rather than punctuation. */
  readonly isWord: boolean;
  /** Starts with an uppercase letter and has a lowercase one ("Seoul", "JoongAng"). */
  readonly cap: boolean;
  /** Has letters, all uppercase ("UN", "U.S.", "TOKYO"). */
  readonly upper: boolean;
  /** Starts with a lowercase letter. */
  readonly lower: boolean;
  readonly hasDigit: boolean;
  /** Possessive clitic split off a word: "'s", "’s", or a bare apostrophe after a plural. */
  readonly clitic: boolean;
  /** Ends with a period that belongs to it ("U.S.", "Mr.", "F."). */
  readonly abbr: boolean;
  /** First word of a sentence, line or quotation. */
  sentStart: boolean;
  /** Index of the sentence the token belongs to. */
  sentence: number;
  /** Most words of the token's sentence are in capitals (a headline or shouted line). */
  capsSentence: boolean;
}

export interface TokenizeOptions {
  /**
   * Decides whether a hyphenated word is two names ("Korea-US", "Seoul-based") rather than one
   * ("Tae-yul", "Guinea-Bissau"). Receives the parts between hyphens.
   */
  splitHyphenated?: (parts: readonly string[], whole: string) => boolean;
}

// Abbreviations with internal periods first ("U.S."), then words with internal apostrophes or
// hyphens, then any other single non-space character.
const TOKEN_RE = /(?:\p{L}\.){2,}|[\p{L}\p{M}\p{N}]+(?:['’\-‐‑][\p{L}\p{M}\p{N}]+)*|\S/gu;
const UPPER_START = /^\p{Lu}/u;
const LOWER_START = /^\p{Ll}/u;
const HAS_LOWER = /\p{Ll}/u;
const HAS_UPPER = /\p{Lu}/u;
const HAS_LETTER = /\p{L}/u;
const HAS_DIGIT = /\p{N}/u;
const WORD_START = /^[\p{L}\p{M}\p{N}]/u;
const POSSESSIVE = /^(.*\p{L})(['’][sS])$/u;
const SINGLE_UPPER = /^\p{Lu}$/u;
const HYPHEN = /[-‐‑]/;
const HYPHEN_SPLIT = /([-‐‑])/;

const DOT_ABBR = wordSet(DOT_ABBREVIATIONS);
const FUNCTION = wordSet(FUNCTION_WORDS);
/** Punctuation after which the next word starts a sentence. */
const SENTENCE_END = new Set(['.', '!', '?', ':', ';', '…', '>', '|', '•', '·', '■', '▶', '▲', '※']);
const OPEN_QUOTES = new Set(['“', '‘', '"', '«', '「', '『']);

export function normalizeWord(text: string): string {
  return text.toLowerCase().replace(/[’‘]/g, "'");
}

function makeToken(start: number, end: number, text: string, clitic: boolean, abbr: boolean): Token {
  const facts = isAscii(text) ? asciiFacts(text) : unicodeFacts(text);
  return {
    start,
    end,
    text,
    norm: facts.norm,
    isWord: facts.isWord,
    cap: facts.cap,
    upper: facts.upper,
    lower: facts.lower,
    hasDigit: facts.hasDigit,
    clitic,
    abbr,
    sentStart: false,
    sentence: 0,
    capsSentence: false,
  };
}

/** What a token's text alone says about it. */
interface TextFacts {
  norm: string;
  isWord: boolean;
  cap: boolean;
  upper: boolean;
  lower: boolean;
  hasDigit: boolean;
}

function unicodeFacts(text: string): TextFacts {
  const isWord = WORD_START.test(text);
  const hasLetter = isWord && HAS_LETTER.test(text);
  const hasLower = hasLetter && HAS_LOWER.test(text);
  // Scripts without case (Hangul, kanji) are neither capitalised nor in capitals.
  const hasUpper = hasLetter && HAS_UPPER.test(text);
  return {
    norm: normalizeWord(text),
    isWord,
    cap: hasLetter && UPPER_START.test(text) && hasLower,
    upper: hasUpper && !hasLower,
    lower: hasLetter && LOWER_START.test(text),
    hasDigit: isWord && HAS_DIGIT.test(text),
  };
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}

/**
 * The same facts as `unicodeFacts` for ASCII text, from character codes: most newswire tokens
 * are ASCII, and seven Unicode-property regular expressions per token were a tenth of extraction.
 */
function asciiFacts(text: string): TextFacts {
  const first = text.charCodeAt(0);
  const isWord = isAsciiUpper(first) || isAsciiLower(first) || isAsciiDigit(first);
  let hasLower = false;
  let hasUpper = false;
  let hasDigit = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isAsciiLower(c)) hasLower = true;
    else if (isAsciiUpper(c)) hasUpper = true;
    else if (isAsciiDigit(c)) hasDigit = true;
  }
  const hasLetter = isWord && (hasLower || hasUpper);
  return {
    norm: text.toLowerCase(),
    isWord,
    cap: hasLetter && isAsciiUpper(first) && hasLower,
    upper: hasLetter && hasUpper && !hasLower,
    lower: hasLetter && isAsciiLower(first),
    hasDigit: isWord && hasDigit,
  };
}

function isAsciiUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isAsciiLower(c: number): boolean {
  return c >= 97 && c <= 122;
}

function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function tokenize(text: string, options: TokenizeOptions = {}): Token[] {
  const tokens: Token[] = [];
  const re = new RegExp(TOKEN_RE.source, TOKEN_RE.flags);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    let word = m[0];
    const start = m.index;
    if (!startsWord(word)) {
      // A bare apostrophe glued to a plural ("Workers' Party") is a possessive clitic.
      const prev = tokens[tokens.length - 1];
      const glued = prev !== undefined && prev.end === start && !prev.clitic;
      const clitic = glued && (word === "'" || word === '’') && /[sS]$/.test(prev.text) && !/\p{L}/u.test(text.charAt(start + 1));
      tokens.push(makeToken(start, start + word.length, word, clitic, false));
      continue;
    }
    if (word.endsWith('.')) {
      // "U.S." style abbreviation: keep the periods.
      tokens.push(makeToken(start, start + word.length, word, false, true));
      continue;
    }
    // Title abbreviations and initials keep their period ("Mr.", "F.").
    if (text.charCodeAt(start + word.length) === 46 /* . */ && (SINGLE_UPPER.test(word) || DOT_ABBR.has(word.toLowerCase()))) {
      word = `${word}.`;
      re.lastIndex = start + word.length;
      tokens.push(makeToken(start, start + word.length, word, false, true));
      continue;
    }
    let clitic: string | null = null;
    const poss = word.length > 2 && endsPossessive(word) ? POSSESSIVE.exec(word) : null;
    if (poss) {
      word = poss[1] as string;
      clitic = poss[2] as string;
    }
    if (options.splitHyphenated && HYPHEN.test(word)) {
      const pieces = word.split(HYPHEN_SPLIT);
      const parts = pieces.filter((_, i) => i % 2 === 0);
      if (parts.every((p) => p.length > 0) && options.splitHyphenated(parts, word)) {
        let offset = start;
        for (const piece of pieces) {
          tokens.push(makeToken(offset, offset + piece.length, piece, false, false));
          offset += piece.length;
        }
      } else {
        tokens.push(makeToken(start, start + word.length, word, false, false));
      }
    } else {
      tokens.push(makeToken(start, start + word.length, word, false, false));
    }
    if (clitic !== null) {
      const cStart = start + word.length;
      tokens.push(makeToken(cStart, cStart + clitic.length, clitic, true, false));
    }
  }
  markSentences(text, tokens);
  return tokens;
}

/** WORD_START without a regular expression for the usual ASCII first character. */
function startsWord(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return isAsciiUpper(c) || isAsciiLower(c) || isAsciiDigit(c);
  return WORD_START.test(word);
}

/** Whether the word ends as POSSESSIVE needs ("'s", "’S"): most words do not, and skip the regex. */
function endsPossessive(word: string): boolean {
  const last = word.charCodeAt(word.length - 1);
  const apostrophe = word.charCodeAt(word.length - 2);
  return (last === 115 /* s */ || last === 83) /* S */ && (apostrophe === 39 /* ' */ || apostrophe === 0x2019);
}

/** Marks sentence starts, sentence indices and all-caps sentences. */
function markSentences(text: string, tokens: Token[]): void {
  let boundary = true;
  /** After "U.S." a new sentence starts only if a function word follows. */
  let weakBoundary = false;
  let sentence = 0;
  let prevEnd = 0;
  let prev: Token | undefined;
  for (const tok of tokens) {
    // Line breaks between tokens: a blank line always ends a sentence; a single line break does
    // unless the line ran on mid-sentence (ended with a lowercase word or a comma).
    let newlines = 0;
    for (let i = prevEnd; i < tok.start; i++) if (text.charCodeAt(i) === 10) newlines++;
    if (newlines >= 2 || (newlines === 1 && !(prev && ((prev.isWord && prev.lower) || prev.text === ',' || prev.text === '-')))) {
      boundary = true;
    }
    if (prev === undefined) boundary = true;
    if (tok.isWord && !tok.clitic) {
      const starts = boundary || (weakBoundary && (tok.cap || tok.upper) && FUNCTION.has(tok.norm));
      if (starts && prev !== undefined) sentence++;
      tok.sentStart = starts;
      boundary = false;
      weakBoundary = tok.abbr && tok.text.length > 2 && tok.upper;
    } else if (!tok.isWord) {
      // "joongang.co.kr", "3.5" and "https://" do not end sentences: the mark must be followed
      // by a space, a closing quote or bracket, or the end of the text.
      // "1. Lance Armstrong": a period after a number opening the sentence is a list marker.
      const listMarker = tok.text === '.' && prev !== undefined && prev.hasDigit && prev.sentStart && prev.end === tok.start;
      if (SENTENCE_END.has(tok.text) && !listMarker && /^(?:$|[\s"”’')\]»])/.test(text.charAt(tok.end))) boundary = true;
      else if (OPEN_QUOTES.has(tok.text)) {
        const before = tok.start === 0 ? ' ' : text.charAt(tok.start - 1);
        const after = text.charAt(tok.end);
        if (/\s|[([]/.test(before) && after !== '' && !/\s/.test(after)) boundary = true;
      }
    }
    tok.sentence = sentence;
    prevEnd = tok.end;
    prev = tok;
  }
  // All-caps sentences: most letter-bearing words are uppercase.
  let i = 0;
  while (i < tokens.length) {
    const s = (tokens[i] as Token).sentence;
    let j = i;
    let words = 0;
    let upper = 0;
    while (j < tokens.length && (tokens[j] as Token).sentence === s) {
      const t = tokens[j] as Token;
      if (t.isWord && !t.clitic && (t.cap || t.upper || t.lower)) {
        words++;
        if (t.upper && t.text.length > 1) upper++;
      }
      j++;
    }
    const caps = words >= 3 && upper / words >= 0.6;
    if (caps) for (let k = i; k < j; k++) (tokens[k] as Token).capsSentence = true;
    i = j;
  }
}
