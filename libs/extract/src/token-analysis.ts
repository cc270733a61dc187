/**
 * Per-token integer facts about one text, from which every feature of the recognizer is
 * computed: hashes of the word, its lowercase form, shape, prefixes and suffixes; case and
 * sentence flags; lexicon word classes and gazetteer matches; and how the same word is cased
 * elsewhere in the text.
 */

import { FNV_OFFSET, FNV_PRIME, hashString } from './feature-hashing';
import { matchAt } from './gazetteer';
import {
  COMPASS_WORDS,
  DATE_WORDS,
  DESCRIPTOR_WORDS,
  FUNCTION_WORDS,
  GPE_HEADS,
  LOC_HEADS,
  MISC_HEADS,
  NOTABLE_SURNAMES,
  ORG_HEADS,
  PERSON_SUFFIXES,
  PERSON_VERBS,
  TITLE_MODIFIERS,
  wordSet,
} from './lexicon-words';
import { EAST_SURNAMES, GIVEN, PARTICLES, isTitleWord } from './names';
import { POS_B, POS_I, POS_L, POS_U } from './ner-tags';
import type { Token } from './tokenize';
import { activeClusters, CLUSTER_PREFIXES } from './word-clusters';
import { packageGazetteer } from './package-gazetteer';

// Lexicon word classes: one bit per list.

const LEX_CLASSES: readonly (readonly [ReadonlySet<string>, number])[] = [
  [GIVEN, 1 << 0],
  [EAST_SURNAMES, 1 << 1],
  [wordSet(ORG_HEADS), 1 << 3],
  [wordSet(LOC_HEADS), 1 << 4],
  [wordSet(GPE_HEADS), 1 << 5],
  [wordSet(MISC_HEADS), 1 << 6],
  [wordSet(DATE_WORDS), 1 << 7],
  [wordSet(FUNCTION_WORDS), 1 << 8],
  [wordSet(NOTABLE_SURNAMES), 1 << 9],
  [wordSet(PERSON_VERBS), 1 << 10],
  [wordSet(DESCRIPTOR_WORDS), 1 << 11],
  [wordSet(COMPASS_WORDS), 1 << 12],
  [wordSet(PERSON_SUFFIXES), 1 << 13],
  [PARTICLES, 1 << 14],
  [wordSet(TITLE_MODIFIERS), 1 << 15],
];
const LEX_TITLE = 1 << 2;
/** Lexicon classes of a lowercase word without a trailing period. */
const LEX = new Map<string, number>();
for (const [set, bit] of LEX_CLASSES) for (const w of set) LEX.set(w, (LEX.get(w) ?? 0) | bit);

function lexClasses(norm: string): number {
  const key = norm.endsWith('.') ? norm.slice(0, -1) : norm;
  let mask = LEX.get(key) ?? 0;
  if (isTitleWord(key)) mask |= LEX_TITLE;
  return mask;
}

const GAZ_TYPES = ['PERSON', 'ORG', 'GPE', 'LOC', 'MISC'];

export const F_CAP = 1;
export const F_UPPER = 2;
export const F_LOWER = 4;
export const F_DIGIT = 8;
export const F_SENT_START = 16;
export const F_CAPS_LINE = 32;
export const F_WORD = 64;
export const F_CLITIC = 128;
export const F_ABBR = 256;

/** Per-token integer facts about one text, from which every feature is computed. */
export interface Analysis {
  readonly n: number;
  readonly hWord: Int32Array;
  readonly hLower: Int32Array;
  readonly hShape: Int32Array;
  /** Prefix hashes of length 1-4, four per token. */
  readonly pre: Int32Array;
  /** Suffix hashes of length 1-4, four per token. */
  readonly suf: Int32Array;
  /** Hashes of the word's Brown cluster bit-string prefixes (CLUSTER_PREFIXES), four per token; -1 when unclustered. */
  readonly clu: Int32Array;
  readonly flags: Int32Array;
  /** Package gazetteer code (countries, nationalities, cities: see `packageGazetteer`). */
  readonly pgz: Int32Array;
  /** Gazetteer code: 0, or 1 + 4 × type + BILU position of the longest lexicon match. */
  readonly gaz: Int32Array;
  readonly lex: Int32Array;
  /** Document casing evidence about the token's word elsewhere in the text. */
  readonly docCase: Int32Array;
  /** Dense id of the token's lowercase form within the document. */
  readonly wordId: Int32Array;
  readonly distinctWords: number;
}

const SHAPE_UPPER = 88; // X
const SHAPE_LOWER = 120; // x
const SHAPE_DIGIT = 100; // d

function charClass(c: number): number {
  if (c >= 65 && c <= 90) return SHAPE_UPPER;
  if (c >= 97 && c <= 122) return SHAPE_LOWER;
  if (c >= 48 && c <= 57) return SHAPE_DIGIT;
  if (c < 128) return c;
  const s = String.fromCharCode(c);
  const lower = s.toLowerCase();
  const upper = s.toUpperCase();
  if (lower !== upper) return s === upper ? SHAPE_UPPER : SHAPE_LOWER;
  // Other scripts' letters (Hangul, kanji) as one class, punctuation as itself.
  return c >= 0x3000 || (c >= 0x0600 && c < 0x2000) ? 97 + 26 : c;
}

/** Computes the per-token facts of `tokens` (from `tokenize`). */
export function analyze(tokens: readonly Token[]): Analysis {
  const n = tokens.length;
  const hWord = new Int32Array(n);
  const hLower = new Int32Array(n);
  const hShape = new Int32Array(n);
  const pre = new Int32Array(n * 4);
  const suf = new Int32Array(n * 4);
  const clusters = activeClusters();
  const P = CLUSTER_PREFIXES.length;
  const clu = new Int32Array(n * P).fill(-1);
  const flags = new Int32Array(n);
  const gaz = new Int32Array(n);
  const pgz = new Int32Array(n);
  packageGazetteer(tokens, pgz);
  const lex = new Int32Array(n);
  const docCase = new Int32Array(n);
  const wordId = new Int32Array(n);
  const ids = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const t = tokens[i] as Token;
    const text = t.text;
    const norm = t.norm;
    hWord[i] = hashString(text);
    let h = FNV_OFFSET;
    for (let k = 0; k < norm.length; k++) {
      h = Math.imul(h ^ norm.charCodeAt(k), FNV_PRIME);
      if (k < 4) pre[i * 4 + k] = h;
    }
    hLower[i] = h;
    for (let k = norm.length; k < 4; k++) pre[i * 4 + k] = h;
    let s = FNV_OFFSET;
    for (let k = 0; k < 4; k++) {
      const idx = norm.length - 1 - k;
      if (idx >= 0) s = Math.imul(s ^ norm.charCodeAt(idx), FNV_PRIME);
      suf[i * 4 + k] = s;
    }
    let shape = FNV_OFFSET;
    let last = -1;
    let repeat = 0;
    for (let k = 0; k < text.length; k++) {
      const c = charClass(text.charCodeAt(k));
      if (c === last) {
        // Collapse runs, but tell one letter from two ("Xx" vs "Xxx" are the same; "X" vs "XX" not).
        if (repeat++ === 0) shape = Math.imul(shape ^ 42, FNV_PRIME);
        continue;
      }
      last = c;
      repeat = 0;
      shape = Math.imul(shape ^ c, FNV_PRIME);
    }
    hShape[i] = shape;
    const entry = clusters.lookup(text, norm);
    if (entry >= 0) for (let k = 0; k < P; k++) clu[i * P + k] = clusters.prefixHash(entry, k);
    flags[i] =
      (t.cap ? F_CAP : 0) |
      (t.upper ? F_UPPER : 0) |
      (t.lower ? F_LOWER : 0) |
      (t.hasDigit ? F_DIGIT : 0) |
      (t.sentStart ? F_SENT_START : 0) |
      (t.capsSentence ? F_CAPS_LINE : 0) |
      (t.isWord ? F_WORD : 0) |
      (t.clitic ? F_CLITIC : 0) |
      (t.abbr ? F_ABBR : 0);
    lex[i] = t.isWord ? lexClasses(norm) : 0;
    let id = ids.get(norm);
    if (id === undefined) {
      id = ids.size;
      ids.set(norm, id);
    }
    wordId[i] = id;
  }
  // Longest gazetteer matches, left to right.
  for (let i = 0; i < n; ) {
    const t = tokens[i] as Token;
    const m = t.isWord && !t.clitic ? matchAt(tokens, i) : undefined;
    if (!m) {
      i++;
      continue;
    }
    const type = GAZ_TYPES.indexOf(m.type);
    const base = 1 + 4 * type;
    if (m.length === 1) gaz[i] = base + POS_U;
    else {
      gaz[i] = base + POS_B;
      for (let k = 1; k < m.length - 1; k++) gaz[i + k] = base + POS_I;
      gaz[i + m.length - 1] = base + POS_L;
    }
    i += m.length;
  }
  // Casing of the same word elsewhere: lowercase somewhere, capitalised mid-sentence elsewhere.
  const distinct = ids.size;
  const lowerSeen = new Uint8Array(distinct);
  const capMid = new Int32Array(distinct);
  const midCap = (f: number): boolean => (f & (F_CAP | F_UPPER)) !== 0 && (f & (F_SENT_START | F_CAPS_LINE | F_CLITIC)) === 0;
  for (let i = 0; i < n; i++) {
    const f = flags[i] as number;
    const id = wordId[i] as number;
    if (f & F_LOWER) lowerSeen[id] = 1;
    if (midCap(f)) capMid[id]++;
  }
  for (let i = 0; i < n; i++) {
    const f = flags[i] as number;
    const id = wordId[i] as number;
    const otherCapMid = (capMid[id] as number) - (midCap(f) ? 1 : 0);
    docCase[i] = (lowerSeen[id] as number) | (otherCapMid > 0 ? 2 : 0);
  }
  return { n, hWord, hLower, hShape, pre, suf, clu, pgz, flags, gaz, lex, docCase, wordId, distinctWords: distinct };
}
