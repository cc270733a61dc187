/**
 * Features of the trained recognizer, hashed into a fixed number of buckets. Every token gets the
 * same number of features (a fixed stride), computed from integer string hashes without building
 * feature strings: per-token work is arithmetic on typed arrays.
 *
 * Stage 1 (local): word, lowercase, shape, prefixes and suffixes 1-4, Brown cluster prefixes of
 * the word (4, 6, 10, 20 bits) and its neighbours (6 bits), a ±2 context window,
 * gazetteer membership from the lexicon and from packages' country, nationality and city lists
 * (package-gazetteer.ts), lexicon word classes (given names, titles, head words),
 * capitalisation in context (sentence-initial, all-caps lines) and document-level casing evidence
 * (is the same word used in lowercase, or capitalised mid-sentence, elsewhere in the text).
 *
 * Stage 2 (document): stage 1's features plus what a first pass labelled the same word elsewhere
 * in the document, and whether it was part of a longer name there.
 */

import { hashString, mix } from './feature-hashing';
import { NUM_TYPES, POS_U, tagPos, tagType } from './ner-tags';
import { F_CAP, F_CAPS_LINE, F_DIGIT, F_LOWER, F_SENT_START, F_UPPER, F_WORD, type Analysis } from './token-analysis';

/** Values for positions outside the text. */
const PAD_BEFORE = hashString('<s>');
const PAD_AFTER = hashString('</s>');

/** The first features of every token, which depend on the token's text alone. */
export const INTRINSIC_FEATURES = 17;
/**
 * The next features depend on one neighbour's text alone: slots [INTRINSIC_FEATURES, CONTEXT_END)
 * come from the next token (4), the one after (1), the previous one (4) and the one before (1), so
 * the model can cache them per word, as the words' "context roles" (see `contextRoles`).
 */
export const CONTEXT_END = INTRINSIC_FEATURES + 10;
/** Context roles: [first, end) slots of each, relative to INTRINSIC_FEATURES, and the neighbour's offset. */
export const CONTEXT_ROLES: readonly (readonly [number, number, number])[] = [
  [0, 4, 1],
  [4, 5, 2],
  [5, 9, -1],
  [9, 10, -2],
];
/** Features per token in stage 1. */
export const LOCAL_FEATURES = 44;
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
  const { hWord, hLower, hShape, pre, suf, lex, clu } = a;
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
  const clP1 = i > 0 ? (clu[(i - 1) * 4 + 1] as number) : PAD_BEFORE;
  const clN1 = i + 1 < n ? (clu[(i + 1) * 4 + 1] as number) : PAD_AFTER;
  // Slots 0-16 depend on the token's text alone (INTRINSIC_FEATURES): the model caches their sum.
  out[o] = mix(0, 1) & mask;
  out[o + 1] = mix(1, hWord[i] as number) & mask;
  out[o + 2] = mix(2, lw) & mask;
  out[o + 3] = mix(3, sh) & mask;
  for (let k = 0; k < 4; k++) {
    out[o + 4 + k] = mix(4 + k, pre[i * 4 + k] as number) & mask;
    out[o + 8 + k] = mix(8 + k, suf[i * 4 + k] as number) & mask;
  }
  out[o + 12] = mix(25, lx) & mask;
  for (let k = 0; k < 4; k++) out[o + 13 + k] = mix(40 + k, clu[i * 4 + k] as number) & mask;
  // Slots 17-26 depend on one neighbour's text alone (CONTEXT_ROLES); keep in step with contextRoles.
  out[o + 17] = mix(13, lwN1) & mask;
  out[o + 18] = mix(17, shN1) & mask;
  out[o + 19] = mix(27, lxN1) & mask;
  out[o + 20] = mix(44, clN1) & mask;
  out[o + 21] = mix(15, lwN2) & mask;
  out[o + 22] = mix(12, lwP1) & mask;
  out[o + 23] = mix(16, shP1) & mask;
  out[o + 24] = mix(26, lxP1) & mask;
  out[o + 25] = mix(45, clP1) & mask;
  out[o + 26] = mix(14, lwP2) & mask;
}

/** Writes slots [CONTEXT_END, LOCAL_FEATURES) of every token: those that combine a token with its context. */
export function contextFeatures(a: Analysis, out: Int32Array, stride: number, hashBits: number): void {
  const mask = (1 << hashBits) - 1;
  const n = a.n;
  const { hLower, hShape, flags, gaz, pgz, lex, docCase } = a;
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
    out[o + 31] = mix(18, mix(shP1, sh)) & mask;
    out[o + 27] = mix(19, mix(sh, shN1)) & mask;
    out[o + 28] = mix(22, gz) & mask;
    out[o + 29] = mix(23, gzP1) & mask;
    out[o + 30] = mix(24, gzN1) & mask;
    out[o + 32] = mix(21, mix(lw, lwN1)) & mask;
    out[o + 33] = mix(20, mix(lwP1, lw)) & mask;
    out[o + 34] = mix(28, f) & mask;
    out[o + 35] = mix(29, (docCase[i] as number) | (st << 2)) & mask;
    out[o + 36] = mix(30, mix(lwP1, sh)) & mask;
    out[o + 37] = mix(31, mix(sh, lwN1)) & mask;
    out[o + 38] = mix(32, mix(lw, st)) & mask;
    out[o + 39] = mix(33, gz | (st << 8)) & mask;
    out[o + 40] = mix(34, mix(lwP1, lwN1)) & mask;
    out[o + 41] = mix(35, mix(st, mix(stP1, stN1)) ^ (lxP1 << 8)) & mask;
    const pg = pgz[i] as number;
    out[o + 42] = mix(46, pg | (st << 8)) & mask;
    out[o + 43] = mix(47, (i > 0 ? (pgz[i - 1] as number) : 255) | ((i + 1 < n ? (pgz[i + 1] as number) : 255) << 8)) & mask;
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
  const cl = a.clu[j * 4 + 1] as number;
  out[0] = mix(13, lw) & mask;
  out[1] = mix(17, sh) & mask;
  out[2] = mix(27, lx) & mask;
  out[3] = mix(44, cl) & mask;
  out[4] = mix(15, lw) & mask;
  out[5] = mix(12, lw) & mask;
  out[6] = mix(16, sh) & mask;
  out[7] = mix(26, lx) & mask;
  out[8] = mix(45, cl) & mask;
  out[9] = mix(14, lw) & mask;
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
