/**
 * Features of the trained recognizer, hashed into a fixed number of buckets. Every token gets the
 * same number of features (a fixed stride), computed from integer string hashes without building
 * feature strings: per-token work is arithmetic on typed arrays.
 *
 * Stage 1 (local): word, lowercase, shape, prefixes and suffixes 1-4, a ±2 context window,
 * gazetteer membership from the lexicon, lexicon word classes (given names, titles, head words),
 * capitalisation in context (sentence-initial, all-caps lines) and document-level casing evidence
 * (is the same word used in lowercase, or capitalised mid-sentence, elsewhere in the text).
 *
 * Stage 2 (document): stage 1's features plus what a first pass labelled the same word elsewhere
 * in the document, and whether it was part of a longer name there.
 */

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
} from './lexicon';
import { EAST_SURNAMES, GIVEN, PARTICLES, isTitleWord } from './names';
import type { Token } from './tokenize';

// ---------------------------------------------------------------------------------------------
// Tags: BILOU over the four CoNLL types
// ---------------------------------------------------------------------------------------------

/** Model-internal entity types, in tag order. */
export const NER_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type NerType = (typeof NER_TYPES)[number];
export const NUM_TYPES = NER_TYPES.length;
/** O, then B, I, L, U for each type. */
export const NUM_TAGS = 1 + 4 * NUM_TYPES;
export const TAG_O = 0;
export const POS_B = 0;
export const POS_I = 1;
export const POS_L = 2;
export const POS_U = 3;

export function makeTag(type: number, pos: number): number {
  return 1 + 4 * type + pos;
}
/** Entity type index of a tag, or -1 for O. */
export function tagType(tag: number): number {
  return tag === TAG_O ? -1 : (tag - 1) >> 2;
}
export function tagPos(tag: number): number {
  return (tag - 1) & 3;
}
export function tagName(tag: number): string {
  return tag === TAG_O ? 'O' : `${'BILU'.charAt(tagPos(tag))}-${NER_TYPES[tagType(tag)]}`;
}

// ---------------------------------------------------------------------------------------------
// Hashing
// ---------------------------------------------------------------------------------------------

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** Mixes two 32-bit integers into one well-spread 32-bit integer. */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 15), 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 13), 0x27d4eb2f);
  return h ^ (h >>> 16);
}

/** Hash of a whole string (FNV-1a over UTF-16 code units). */
export function hashString(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Values for positions outside the text. */
const PAD_BEFORE = hashString('<s>');
const PAD_AFTER = hashString('</s>');

// ---------------------------------------------------------------------------------------------
// Lexicon word classes
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Token analysis
// ---------------------------------------------------------------------------------------------

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
  readonly flags: Int32Array;
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
  const flags = new Int32Array(n);
  const gaz = new Int32Array(n);
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
  return { n, hWord, hLower, hShape, pre, suf, flags, gaz, lex, docCase, wordId, distinctWords: distinct };
}

// ---------------------------------------------------------------------------------------------
// Feature templates
// ---------------------------------------------------------------------------------------------

/** The first features of every token, which depend on the token's text alone. */
export const INTRINSIC_FEATURES = 13;
/**
 * The next features depend on one neighbour's text alone: slots [INTRINSIC_FEATURES, CONTEXT_END)
 * come from the next token (3), the one after (1), the previous one (3) and the one before (1), so
 * the model can cache them per word, as the words' "context roles" (see `contextRoles`).
 */
export const CONTEXT_END = INTRINSIC_FEATURES + 8;
/** Context roles: [first, end) slots of each, relative to INTRINSIC_FEATURES, and the neighbour's offset. */
export const CONTEXT_ROLES: readonly (readonly [number, number, number])[] = [
  [0, 3, 1],
  [3, 4, 2],
  [4, 7, -1],
  [7, 8, -2],
];
/** Features per token in stage 1. */
export const LOCAL_FEATURES = 36;
/** Features per token in stage 2 (stage 1's and the document ones). */
export const DOC_FEATURES = LOCAL_FEATURES + 8;

/** Capitalisation state: case class × sentence-initial × all-caps line. */
function caseState(f: number): number {
  const cls = f & F_UPPER ? 2 : f & F_CAP ? 1 : f & F_LOWER ? 0 : 3;
  return cls | (f & F_SENT_START ? 4 : 0) | (f & F_CAPS_LINE ? 8 : 0) | (f & F_DIGIT ? 16 : 0);
}

/**
 * Writes stage 1's feature buckets for every token: `out[i * stride + k]`, k < LOCAL_FEATURES,
 * each in [0, 2^hashBits).
 */
export function localFeatures(a: Analysis, out: Int32Array, stride: number, hashBits: number): void {
  for (let i = 0; i < a.n; i++) wordFeatures(a, i, out, stride, hashBits);
  contextFeatures(a, out, stride, hashBits);
}

/**
 * Writes slots [0, CONTEXT_END) of token `i`: those that depend on its text alone and on one
 * neighbour's text alone. A model that caches their scores per word needs them only for words
 * it has not seen yet.
 */
export function wordFeatures(a: Analysis, i: number, out: Int32Array, stride: number, hashBits: number): void {
  const mask = (1 << hashBits) - 1;
  const n = a.n;
  const { hWord, hLower, hShape, pre, suf, lex } = a;
  const o = i * stride;
  const lw = hLower[i] as number;
  const sh = hShape[i] as number;
  const lwP1 = i > 0 ? (hLower[i - 1] as number) : PAD_BEFORE;
  const lwP2 = i > 1 ? (hLower[i - 2] as number) : PAD_BEFORE;
  const lwN1 = i + 1 < n ? (hLower[i + 1] as number) : PAD_AFTER;
  const lwN2 = i + 2 < n ? (hLower[i + 2] as number) : PAD_AFTER;
  const shP1 = i > 0 ? (hShape[i - 1] as number) : PAD_BEFORE;
  const shN1 = i + 1 < n ? (hShape[i + 1] as number) : PAD_AFTER;
  const lx = lex[i] as number;
  const lxP1 = i > 0 ? (lex[i - 1] as number) : -1;
  const lxN1 = i + 1 < n ? (lex[i + 1] as number) : -1;
  // Slots 0-12 depend on the token's text alone (INTRINSIC_FEATURES): the model caches their sum.
  out[o] = mix(0, 1) & mask;
  out[o + 1] = mix(1, hWord[i] as number) & mask;
  out[o + 2] = mix(2, lw) & mask;
  out[o + 3] = mix(3, sh) & mask;
  for (let k = 0; k < 4; k++) {
    out[o + 4 + k] = mix(4 + k, pre[i * 4 + k] as number) & mask;
    out[o + 8 + k] = mix(8 + k, suf[i * 4 + k] as number) & mask;
  }
  out[o + 12] = mix(25, lx) & mask;
  // Slots 13-20 depend on one neighbour's text alone (CONTEXT_ROLES); keep in step with contextRoles.
  out[o + 13] = mix(13, lwN1) & mask;
  out[o + 14] = mix(17, shN1) & mask;
  out[o + 15] = mix(27, lxN1) & mask;
  out[o + 16] = mix(15, lwN2) & mask;
  out[o + 17] = mix(12, lwP1) & mask;
  out[o + 18] = mix(16, shP1) & mask;
  out[o + 19] = mix(26, lxP1) & mask;
  out[o + 20] = mix(14, lwP2) & mask;
}

/** Writes slots [CONTEXT_END, LOCAL_FEATURES) of every token: those that combine a token with its context. */
export function contextFeatures(a: Analysis, out: Int32Array, stride: number, hashBits: number): void {
  const mask = (1 << hashBits) - 1;
  const n = a.n;
  const { hLower, hShape, flags, gaz, lex, docCase } = a;
  for (let i = 0; i < n; i++) {
    const o = i * stride;
    const lw = hLower[i] as number;
    const sh = hShape[i] as number;
    const f = flags[i] as number;
    const st = caseState(f);
    const lwP1 = i > 0 ? (hLower[i - 1] as number) : PAD_BEFORE;
    const lwN1 = i + 1 < n ? (hLower[i + 1] as number) : PAD_AFTER;
    const shP1 = i > 0 ? (hShape[i - 1] as number) : PAD_BEFORE;
    const shN1 = i + 1 < n ? (hShape[i + 1] as number) : PAD_AFTER;
    const gz = gaz[i] as number;
    const gzP1 = i > 0 ? (gaz[i - 1] as number) : -1;
    const gzN1 = i + 1 < n ? (gaz[i + 1] as number) : -1;
    const lxP1 = i > 0 ? (lex[i - 1] as number) : -1;
    const stP1 = i > 0 ? caseState(flags[i - 1] as number) : 32;
    const stN1 = i + 1 < n ? caseState(flags[i + 1] as number) : 32;
    out[o + 25] = mix(18, mix(shP1, sh)) & mask;
    out[o + 21] = mix(19, mix(sh, shN1)) & mask;
    out[o + 22] = mix(22, gz) & mask;
    out[o + 23] = mix(23, gzP1) & mask;
    out[o + 24] = mix(24, gzN1) & mask;
    out[o + 26] = mix(21, mix(lw, lwN1)) & mask;
    out[o + 27] = mix(20, mix(lwP1, lw)) & mask;
    out[o + 28] = mix(28, f) & mask;
    out[o + 29] = mix(29, (docCase[i] as number) | (st << 2)) & mask;
    out[o + 30] = mix(30, mix(lwP1, sh)) & mask;
    out[o + 31] = mix(31, mix(sh, lwN1)) & mask;
    out[o + 32] = mix(32, mix(lw, st)) & mask;
    out[o + 33] = mix(33, gz | (st << 8)) & mask;
    out[o + 34] = mix(34, mix(lwP1, lwN1)) & mask;
    out[o + 35] = mix(35, mix(st, mix(stP1, stN1)) ^ (lxP1 << 8)) & mask;
  }
}

/**
 * The buckets of token `j` in its context roles, as its neighbours see it: `out[k]` for k in
 * [0, CONTEXT_END - INTRINSIC_FEATURES), equal to slot INTRINSIC_FEATURES + k of the neighbour at
 * the role's offset (the same formulas as `localFeatures`).
 */
export function contextRoles(a: Analysis, j: number, out: Int32Array, hashBits: number): void {
  const mask = (1 << hashBits) - 1;
  const lw = a.hLower[j] as number;
  const sh = a.hShape[j] as number;
  const lx = a.lex[j] as number;
  out[0] = mix(13, lw) & mask;
  out[1] = mix(17, sh) & mask;
  out[2] = mix(27, lx) & mask;
  out[3] = mix(15, lw) & mask;
  out[4] = mix(12, lw) & mask;
  out[5] = mix(16, sh) & mask;
  out[6] = mix(26, lx) & mask;
  out[7] = mix(14, lw) & mask;
}

/** What a first pass said about each token's word elsewhere in the document. */
export interface FirstPass {
  /** Stage 1's tag for every token. */
  readonly tags: Uint8Array;
}

/**
 * Writes the stage-2 features: copies stage 1's (already in `out` at k < LOCAL_FEATURES) and adds
 * the document-level ones at k in [LOCAL_FEATURES, DOC_FEATURES).
 */
export function documentFeatures(a: Analysis, first: FirstPass, out: Int32Array, stride: number, hashBits: number): void {
  const mask = (1 << hashBits) - 1;
  const n = a.n;
  const tags = first.tags;
  const W = a.distinctWords;
  // Per word: occurrences labelled O / each type, and types of multi-token entities it sits in.
  const counts = new Int32Array(W * (NUM_TYPES + 1));
  const inMulti = new Int32Array(W * NUM_TYPES);
  for (let i = 0; i < n; i++) {
    if (!((a.flags[i] as number) & F_WORD)) continue;
    const id = a.wordId[i] as number;
    const tag = tags[i] as number;
    const type = tagType(tag);
    counts[id * (NUM_TYPES + 1) + type + 1]++;
    if (type >= 0 && tagPos(tag) !== POS_U) inMulti[id * NUM_TYPES + type]++;
  }
  const docLabel = new Int32Array(n);
  const multiLabel = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (!((a.flags[i] as number) & F_WORD)) {
      docLabel[i] = -1;
      multiLabel[i] = -1;
      continue;
    }
    const id = a.wordId[i] as number;
    const own = tagType(tags[i] as number);
    let others = 0;
    let best = -1;
    let bestCount = 0;
    for (let t = -1; t < NUM_TYPES; t++) {
      const c = (counts[id * (NUM_TYPES + 1) + t + 1] as number) - (t === own ? 1 : 0);
      others += c;
      if (t >= 0 && c > bestCount) {
        best = t;
        bestCount = c;
      }
    }
    const oCount = (counts[id * (NUM_TYPES + 1)] as number) - (own === -1 ? 1 : 0);
    // 0: no other occurrence; 1: others all O; 2+t: mostly type t; 6+t: type t, but mostly O.
    docLabel[i] = others === 0 ? 0 : best < 0 ? 1 : bestCount >= oCount ? 2 + best : 6 + best;
    let multi = 0;
    let multiCount = 0;
    const ownMulti = own >= 0 && tagPos(tags[i] as number) !== POS_U ? own : -1;
    for (let t = 0; t < NUM_TYPES; t++) {
      const c = (inMulti[id * NUM_TYPES + t] as number) - (t === ownMulti ? 1 : 0);
      if (c > multiCount) {
        multi = t + 1;
        multiCount = c;
      }
    }
    multiLabel[i] = multi;
  }
  const L = LOCAL_FEATURES;
  for (let i = 0; i < n; i++) {
    const o = i * stride + L;
    const st = caseState(a.flags[i] as number);
    const dl = docLabel[i] as number;
    const tg = tags[i] as number;
    const tgP1 = i > 0 ? (tags[i - 1] as number) : 31;
    const tgN1 = i + 1 < n ? (tags[i + 1] as number) : 31;
    const dlP1 = i > 0 ? (docLabel[i - 1] as number) : -2;
    const dlN1 = i + 1 < n ? (docLabel[i + 1] as number) : -2;
    out[o] = mix(100, dl) & mask;
    out[o + 1] = mix(101, dl | (st << 4)) & mask;
    out[o + 2] = mix(102, multiLabel[i] as number) & mask;
    out[o + 3] = mix(103, tg) & mask;
    out[o + 4] = mix(104, tgP1 | (tg << 5)) & mask;
    out[o + 5] = mix(105, tg | (tgN1 << 5)) & mask;
    out[o + 6] = mix(106, dlP1 | (dl << 5)) & mask;
    out[o + 7] = mix(107, dl | (dlN1 << 5) | ((multiLabel[i] as number) << 10)) & mask;
  }
}
