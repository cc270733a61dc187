/**
 * The trained recognizer's weights, decoder and file format.
 *
 * Two stages of emission weights over hashed features (rows of NUM_TAGS weights per bucket) plus
 * tag-transition weights; BILOU decoding by Viterbi with the scheme's constraints (I/L only after
 * B/I of the same type, a sequence never ends inside an entity). Stage 1 tags from local features;
 * stage 2 re-tags with what stage 1 said about the same words elsewhere in the document.
 *
 * File: `WSNER01\n`, a uint32 (LE) header length, a JSON header, then per stage the transition
 * matrix (float32) and the non-zero emission weights as delta-encoded varint keys
 * (bucket × NUM_TAGS + tag) and int16 values (× the stage's scale).
 */

import {
  CONTEXT_END,
  CONTEXT_ROLES,
  DOC_FEATURES,
  F_LOWER,
  F_WORD,
  INTRINSIC_FEATURES,
  LOCAL_FEATURES,
  NUM_TAGS,
  POS_B,
  POS_I,
  POS_L,
  TAG_O,
  analyze,
  contextRoles,
  documentFeatures,
  contextFeatures,
  localFeatures,
  wordFeatures,
  tagName,
  tagPos,
  tagType,
  type Analysis,
} from './ner-features';
import type { Token } from './tokenize';

const T = NUM_TAGS;
// QuantizedTable.score is unrolled for 17 tags (O + BILU × 4 types).
if (T !== 17) throw new Error('ner-model expects 17 tags');

// ---------------------------------------------------------------------------------------------
// BILOU constraints and Viterbi
// ---------------------------------------------------------------------------------------------

/** Whether `next` may follow `prev` (prev = -1 at the start). */
export function allowedTransition(prev: number, next: number): boolean {
  const prevOpen = prev >= 0 && prev !== TAG_O && (tagPos(prev) === POS_B || tagPos(prev) === POS_I);
  const nextContinues = next !== TAG_O && (tagPos(next) === POS_I || tagPos(next) === POS_L);
  if (prevOpen) return nextContinues && tagType(next) === tagType(prev);
  return !nextContinues;
}

const NEG = -1e30;
const START_ALLOWED = Uint8Array.from({ length: T }, (_, t) => (allowedTransition(-1, t) ? 1 : 0));
const END_ALLOWED = Uint8Array.from({ length: T }, (_, t) => (t === TAG_O || tagPos(t) === POS_L || tagPos(t) === POS_L + 1 ? 1 : 0));
/** Tags after which no entity is open (O, L-x, U-x), ascending. */
const CLOSED = Int32Array.from({ length: T }, (_, t) => t).filter((t) => allowedTransition(t, TAG_O));
/** Tags that open nothing earlier (O, B-x, U-x): only the closed tags may precede them. */
const FRESH = Int32Array.from({ length: T }, (_, t) => t).filter((t) => allowedTransition(-1, t));
// The decoder below relies on the BILOU shape of allowedTransition: check it once.
for (let next = 0; next < T; next++) {
  for (let prev = 0; prev < T; prev++) {
    const continues = next !== TAG_O && (tagPos(next) === POS_I || tagPos(next) === POS_L);
    const typeStart = next - tagPos(next);
    const expected = continues ? prev === typeStart || prev === typeStart + POS_I : CLOSED.includes(prev);
    if (allowedTransition(prev, next) !== expected) throw new Error('ner-model: viterbi expects BILOU transitions');
  }
}

let viterbiBack = new Uint8Array(0);
const viterbiRows = [new Float64Array(T), new Float64Array(T)] as const;
const viterbiClosedScores = new Float64Array(CLOSED.length);

/** Transition scores laid out as `viterbi` reads them. */
export interface DecoderTransitions {
  /** From each closed tag into each fresh one, fresh-major. */
  readonly closedToFresh: Float64Array;
  /**
   * The widest spread of the transitions from the closed tags into any one fresh tag. When one
   * closed tag's path leads all others by more than this, it is every fresh tag's best predecessor.
   */
  readonly spread: number;
}

/**
 * Slack on top of `spread` for rounding: path scores stay far below 2^40 in magnitude, where a
 * double's rounding error is under 1e-3, so a lead this much larger cannot be a tie after rounding.
 */
const ROUNDING_SLACK = 1;

export function decoderTransitions(trans: Float32Array): DecoderTransitions {
  const closedToFresh = new Float64Array(FRESH.length * CLOSED.length);
  let spread = 0;
  for (let f = 0; f < FRESH.length; f++) {
    let low = Infinity;
    let high = -Infinity;
    for (let c = 0; c < CLOSED.length; c++) {
      const value = trans[(CLOSED[c] as number) * T + (FRESH[f] as number)] as number;
      closedToFresh[f * CLOSED.length + c] = value;
      low = Math.min(low, value);
      high = Math.max(high, value);
    }
    spread = Math.max(spread, high - low);
  }
  return { closedToFresh, spread };
}

/**
 * Best tag sequence for tokens [from, to) given emission scores `em` (NUM_TAGS per token,
 * indexed by absolute token) and transition scores `trans` (prev × NUM_TAGS + next). With
 * `betweenO`, the tokens right before and after the range are known to be O: their transitions
 * into and out of the range count, so a sequence decodes the same range by range.
 *
 * Only allowed transitions are tried, each predecessor in ascending order (ties go to the lowest):
 * O, B-x and U-x follow a closed tag; I-x and L-x follow B-x or I-x of their type.
 */
export function viterbi(
  em: Float32Array,
  trans: Float32Array,
  from: number,
  to: number,
  out: Uint8Array,
  betweenO = false,
  transitions: DecoderTransitions = decoderTransitions(trans),
): void {
  const len = to - from;
  if (len <= 0) return;
  if (viterbiBack.length < len * T) viterbiBack = new Uint8Array(Math.max(len * T, viterbiBack.length * 2));
  const back = viterbiBack;
  const closed = CLOSED;
  const fresh = FRESH;
  const nClosed = closed.length;
  const closedScores = viterbiClosedScores;
  const freshTrans = transitions.closedToFresh;
  const leadNeeded = transitions.spread + ROUNDING_SLACK;
  // Scores of the best path ending in each tag at the previous and the current token.
  let prevRow = viterbiRows[0];
  let row = viterbiRows[1];
  const enter = betweenO && from > 0;
  for (let t = 0; t < T; t++) prevRow[t] = START_ALLOWED[t] ? (em[from * T + t] as number) + (enter ? (trans[TAG_O * T + t] as number) : 0) : NEG;
  for (let p = 1; p < len; p++) {
    const eo = (from + p) * T;
    const bo = p * T;
    let lead = NEG * 4;
    let leader = 0;
    let runnerUp = NEG * 4;
    for (let c = 0; c < nClosed; c++) {
      const score = prevRow[closed[c] as number] as number;
      closedScores[c] = score;
      if (score > lead) {
        runnerUp = lead;
        lead = score;
        leader = c;
      } else if (score > runnerUp) {
        runnerUp = score;
      }
    }
    if (lead - runnerUp > leadNeeded) {
      // One closed tag leads by more than any transition can make up (most newswire tokens, where
      // O leads): it is the best predecessor of every fresh tag, and the same sums come out.
      const q = closed[leader] as number;
      for (let f = 0; f < fresh.length; f++) {
        const t = fresh[f] as number;
        row[t] = lead + (freshTrans[f * nClosed + leader] as number) + (em[eo + t] as number);
        back[bo + t] = q;
      }
    } else {
      for (let f = 0; f < fresh.length; f++) {
        const t = fresh[f] as number;
        const fo = f * nClosed;
        let best = NEG * 2;
        let arg = 0;
        for (let c = 0; c < nClosed; c++) {
          const s = (closedScores[c] as number) + (freshTrans[fo + c] as number);
          if (s > best) {
            best = s;
            arg = c;
          }
        }
        row[t] = best + (em[eo + t] as number);
        back[bo + t] = closed[arg] as number;
      }
    }
    for (let b = 1; b < T; b += 4) {
      // B-x at b, I-x at b + 1, L-x at b + 2.
      const i = b + 1;
      const fromB = prevRow[b] as number;
      const fromI = prevRow[i] as number;
      for (let t = i; t <= b + 2; t++) {
        let best = NEG * 2;
        let arg = 0;
        const sB = fromB + (trans[b * T + t] as number);
        if (sB > best) {
          best = sB;
          arg = b;
        }
        const sI = fromI + (trans[i * T + t] as number);
        if (sI > best) {
          best = sI;
          arg = i;
        }
        row[t] = best + (em[eo + t] as number);
        back[bo + t] = arg;
      }
    }
    const done = prevRow;
    prevRow = row;
    row = done;
  }
  let best = NEG * 4;
  let arg = TAG_O;
  const leave = betweenO && to < out.length;
  for (let t = 0; t < T; t++) {
    if (!END_ALLOWED[t]) continue;
    const score = (prevRow[t] as number) + (leave ? (trans[t * T + TAG_O] as number) : 0);
    if (score > best) {
      best = score;
      arg = t;
    }
  }
  for (let p = len - 1; p >= 0; p--) {
    out[from + p] = arg;
    if (p > 0) arg = back[p * T + arg] as number;
  }
}

// ---------------------------------------------------------------------------------------------
// Emission weights
// ---------------------------------------------------------------------------------------------

/**
 * Adds the scores of features [first, count) of tokens [from, to) into `em`: NUM_TAGS per token,
 * token i's at i × NUM_TAGS + emShift.
 */
export interface EmissionTable {
  score(features: Int32Array, stride: number, first: number, count: number, from: number, to: number, em: Float32Array, emShift?: number): void;
}

/** Dense rows of NUM_TAGS float weights per bucket: the trainer's table. */
export class DenseTable implements EmissionTable {
  constructor(readonly weights: Float32Array) {}

  score(features: Int32Array, stride: number, first: number, count: number, from: number, to: number, em: Float32Array, emShift = 0): void {
    const w = this.weights;
    for (let i = from; i < to; i++) {
      const fo = i * stride;
      const eo = i * T + emShift;
      for (let k = first; k < count; k++) {
        const r = (features[fo + k] as number) * T;
        for (let t = 0; t < T; t++) em[eo + t] += w[r + t] as number;
      }
    }
  }
}

/**
 * The shipped table: dense rows of int16 weights (× `scale`), one row of NUM_TAGS per bucket.
 * At 2^17 buckets a stage is 4.5 MB: both stages stay in the last-level cache, and a feature costs
 * one row read. (int8 rows read faster and scored the same dev F1, but flipped names such as
 * "Ministry of Economy and Finance"; clipping the largest weights to keep finer int8 steps cost 2 F1.)
 */
export class QuantizedTable implements EmissionTable {
  constructor(
    readonly weights: Int16Array,
    readonly scale: number,
  ) {}

  score(features: Int32Array, stride: number, first: number, count: number, from: number, to: number, em: Float32Array, emShift = 0): void {
    const w = this.weights;
    const scale = this.scale;
    for (let i = from; i < to; i++) {
      const fo = i * stride;
      const eo = i * T + emShift;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0;
      let s9 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0, s14 = 0, s15 = 0, s16 = 0;
      for (let k = first; k < count; k++) {
        const r = (features[fo + k] as number) * T;
        s0 += w[r] as number;
        s1 += w[r + 1] as number;
        s2 += w[r + 2] as number;
        s3 += w[r + 3] as number;
        s4 += w[r + 4] as number;
        s5 += w[r + 5] as number;
        s6 += w[r + 6] as number;
        s7 += w[r + 7] as number;
        s8 += w[r + 8] as number;
        s9 += w[r + 9] as number;
        s10 += w[r + 10] as number;
        s11 += w[r + 11] as number;
        s12 += w[r + 12] as number;
        s13 += w[r + 13] as number;
        s14 += w[r + 14] as number;
        s15 += w[r + 15] as number;
        s16 += w[r + 16] as number;
      }
      em[eo] += s0 * scale;
      em[eo + 1] += s1 * scale;
      em[eo + 2] += s2 * scale;
      em[eo + 3] += s3 * scale;
      em[eo + 4] += s4 * scale;
      em[eo + 5] += s5 * scale;
      em[eo + 6] += s6 * scale;
      em[eo + 7] += s7 * scale;
      em[eo + 8] += s8 * scale;
      em[eo + 9] += s9 * scale;
      em[eo + 10] += s10 * scale;
      em[eo + 11] += s11 * scale;
      em[eo + 12] += s12 * scale;
      em[eo + 13] += s13 * scale;
      em[eo + 14] += s14 * scale;
      em[eo + 15] += s15 * scale;
      em[eo + 16] += s16 * scale;
    }
  }
}

export interface Stage {
  readonly table: EmissionTable;
  readonly trans: Float32Array;
}

// ---------------------------------------------------------------------------------------------
// Tagging
// ---------------------------------------------------------------------------------------------

let featBuf = new Int32Array(0);
let emBuf = new Float32Array(0);
let em2Buf = new Float32Array(0);
let slotBuf = new Int32Array(0);
let settledBuf = new Uint8Array(0);

function ensureBuffers(n: number): void {
  if (featBuf.length < n * DOC_FEATURES) featBuf = new Int32Array(Math.max(n * DOC_FEATURES, featBuf.length * 2));
  if (slotBuf.length < n) {
    slotBuf = new Int32Array(Math.max(n, slotBuf.length * 2));
    settledBuf = new Uint8Array(slotBuf.length);
  }
  if (emBuf.length < n * T) {
    emBuf = new Float32Array(Math.max(n * T, emBuf.length * 2));
    em2Buf = new Float32Array(emBuf.length);
  }
}

/** Stage 1 said O, and the token is punctuation or a word that starts lowercase. */
function isPlainO(firstTag: number, flags: number): boolean {
  return firstTag === TAG_O && ((flags & F_WORD) === 0 || (flags & F_LOWER) !== 0);
}

/** Tokens at each end of a text with a context role past the end (the farthest role is 2 away). */
const EDGE_TOKENS = Math.max(...CONTEXT_ROLES.map(([, , offset]) => Math.abs(offset)));

/** The neighbour offset of each context role; startEmissions adds the four in this order. */
const ROLE_OFFSETS = CONTEXT_ROLES.map(([, , offset]) => offset);
if (ROLE_OFFSETS.length !== 4) throw new Error('ner-model expects four context roles');

/** Distinct token texts whose scores the model keeps (ENTRY floats each: 11 MB). */
const CACHE_ENTRIES = 1 << 14;
/** Per stage: the sums of a word's intrinsic features, then of each of its context roles. */
const STAGE_ENTRY = (1 + CONTEXT_ROLES.length) * T;
const ENTRY = 2 * STAGE_ENTRY;

export interface NerHeader {
  readonly format: 1;
  /** Changes with every retrained model: a hash of the weights. */
  readonly id: string;
  readonly hashBits: number;
  readonly tags: readonly string[];
  readonly localFeatures: number;
  readonly docFeatures: number;
  /** How the model was trained (data file name, epochs, seed, sizes, dev score): informational. */
  readonly training?: Record<string, unknown>;
}

export class NerModel {
  constructor(
    readonly header: NerHeader,
    readonly stage1: Stage,
    readonly stage2: Stage,
    /** Distinct words whose scores are cached; a text with more tokens is scored feature by feature. */
    readonly cacheEntries: number = CACHE_ENTRIES,
  ) {
    if (header.tags.length !== T || header.localFeatures !== LOCAL_FEATURES || header.docFeatures !== DOC_FEATURES) {
      throw new Error(`NER model ${header.id} was built for other features or tags; retrain it (npm run train:ner)`);
    }
    this.cache = new Float32Array(cacheEntries * ENTRY);
    this.transitions = [decoderTransitions(stage1.trans), decoderTransitions(stage2.trans)];
  }

  /** Each stage's transitions as `viterbi` reads them, laid out once: stage 2 decodes many short runs. */
  private readonly transitions: readonly [DecoderTransitions, DecoderTransitions];

  /** Cache slot per token text hash: see ENTRY. */
  private readonly cacheIndex = new Map<number, number>();
  private readonly cache: Float32Array;
  private readonly roleBuckets = new Int32Array(CONTEXT_END - INTRINSIC_FEATURES);

  /** BILOU tag per token. */
  tag(tokens: readonly Token[]): Uint8Array {
    const n = tokens.length;
    const out = new Uint8Array(n);
    if (n === 0) return out;
    const a = analyze(tokens);
    ensureBuffers(n);
    const feats = featBuf;
    const em = emBuf;
    const em2 = em2Buf;
    const hashBits = this.header.hashBits;
    // A text with more distinct words than the cache holds is scored feature by feature.
    const cached = n <= this.cacheEntries;
    const slots = slotBuf;
    if (cached) {
      // The cache holds the word and context-role features' scores: they are needed only for the
      // words it has not seen yet (fillCache) and for the tokens next to the text's ends, whose
      // missing neighbours startEmissions scores from the token's own features.
      contextFeatures(a, feats, DOC_FEATURES, hashBits);
      for (let i = 0; i < Math.min(EDGE_TOKENS, n); i++) wordFeatures(a, i, feats, DOC_FEATURES, hashBits);
      for (let i = Math.max(EDGE_TOKENS, n - EDGE_TOKENS); i < n; i++) wordFeatures(a, i, feats, DOC_FEATURES, hashBits);
      this.fillCache(a, feats, slots);
    } else {
      localFeatures(a, feats, DOC_FEATURES, hashBits);
    }
    this.startEmissions(0, cached, slots, feats, 0, n, n, em);
    this.stage1.table.score(feats, DOC_FEATURES, cached ? CONTEXT_END : 0, LOCAL_FEATURES, 0, n, em);
    viterbi(em, this.stage1.trans, 0, n, out, false, this.transitions[0]);
    documentFeatures(a, { tags: out }, feats, DOC_FEATURES, this.header.hashBits);
    // Stage 2 re-tags only what could be in a name. A token stage 1 left O that is punctuation or
    // starts lowercase stays O, unless both its neighbours could be in a name ("Bank of Korea",
    // "People's Republic"): three fifths of newswire tokens, at no F1 cost on the dev split. The
    // runs between settled tokens decode independently.
    const second = new Uint8Array(n);
    const settled = settledBuf;
    const flags = a.flags;
    for (let k = 0; k < n; k++) settled[k] = isPlainO(out[k] as number, flags[k] as number) ? 1 : 0;
    for (let k = 0; k < n; k++) if (settled[k] && k > 0 && k + 1 < n && !settled[k - 1] && !settled[k + 1]) settled[k] = 2;
    let i = 0;
    while (i < n) {
      if (settled[i] === 1) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < n && settled[j] !== 1) j++;
      this.startEmissions(1, cached, slots, feats, i, j, n, em2);
      this.stage2.table.score(feats, DOC_FEATURES, cached ? CONTEXT_END : 0, DOC_FEATURES, i, j, em2);
      viterbi(em2, this.stage2.trans, i, j, second, true, this.transitions[1]);
      i = j;
    }
    return second;
  }

  /** Gives every token a cache slot (`slots`), scoring the words the cache does not hold yet. */
  private fillCache(a: Analysis, feats: Int32Array, slots: Int32Array): void {
    const { cache, cacheIndex, roleBuckets } = this;
    // Slots must stay valid for the whole text: start afresh rather than evict in the middle of it.
    if (cacheIndex.size + a.n > this.cacheEntries) cacheIndex.clear();
    const R = roleBuckets.length;
    for (let i = 0; i < a.n; i++) {
      const key = a.hWord[i] as number;
      let slot = cacheIndex.get(key);
      if (slot === undefined) {
        slot = cacheIndex.size;
        cacheIndex.set(key, slot);
        const o = slot * ENTRY;
        cache.fill(0, o, o + ENTRY);
        wordFeatures(a, i, feats, DOC_FEATURES, this.header.hashBits);
        contextRoles(a, i, roleBuckets, this.header.hashBits);
        for (let s = 0; s < 2; s++) {
          const table = (s === 0 ? this.stage1 : this.stage2).table;
          const base = o + s * STAGE_ENTRY;
          table.score(feats, DOC_FEATURES, 0, INTRINSIC_FEATURES, i, i + 1, cache, base - i * T);
          for (let r = 0; r < CONTEXT_ROLES.length; r++) {
            const [first, end] = CONTEXT_ROLES[r] as readonly [number, number, number];
            table.score(roleBuckets, R, first, end, 0, 1, cache, base + (1 + r) * T);
          }
        }
      }
      slots[i] = slot;
    }
  }

  /**
   * Sets the emissions of tokens [from, to) of an n-token text to the scores of their intrinsic
   * and context-role features: the token's own cached sums plus its neighbours' cached role sums
   * (scored directly where a neighbour is missing, or everything directly when uncached).
   */
  private startEmissions(stage: number, cached: boolean, slots: Int32Array, feats: Int32Array, from: number, to: number, n: number, em: Float32Array): void {
    if (!cached) {
      em.fill(0, from * T, to * T);
      return;
    }
    const cache = this.cache;
    const table = (stage === 0 ? this.stage1 : this.stage2).table;
    const base = stage * STAGE_ENTRY;
    const [offset0, offset1, offset2, offset3] = ROLE_OFFSETS;
    for (let i = from; i < to; i++) {
      const eo = i * T;
      const own = (slots[i] as number) * ENTRY + base;
      if (i >= EDGE_TOKENS && i < n - EDGE_TOKENS) {
        // All four neighbours are there: add their role sums in role order, rounding each step to
        // float32 as storing into `em` would, but storing once.
        const c0 = (slots[i + offset0] as number) * ENTRY + base + T;
        const c1 = (slots[i + offset1] as number) * ENTRY + base + 2 * T;
        const c2 = (slots[i + offset2] as number) * ENTRY + base + 3 * T;
        const c3 = (slots[i + offset3] as number) * ENTRY + base + 4 * T;
        for (let t = 0; t < T; t++) {
          let sum = Math.fround((cache[own + t] as number) + (cache[c0 + t] as number));
          sum = Math.fround(sum + (cache[c1 + t] as number));
          sum = Math.fround(sum + (cache[c2 + t] as number));
          em[eo + t] = sum + (cache[c3 + t] as number);
        }
        continue;
      }
      for (let t = 0; t < T; t++) em[eo + t] = cache[own + t] as number;
      for (let r = 0; r < CONTEXT_ROLES.length; r++) {
        const [first, end, offset] = CONTEXT_ROLES[r] as readonly [number, number, number];
        const j = i + offset;
        if (j < 0 || j >= n) {
          table.score(feats, DOC_FEATURES, INTRINSIC_FEATURES + first, INTRINSIC_FEATURES + end, i, i + 1, em);
          continue;
        }
        const c = (slots[j] as number) * ENTRY + base + (1 + r) * T;
        for (let t = 0; t < T; t++) em[eo + t] += cache[c + t] as number;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// File format
// ---------------------------------------------------------------------------------------------

const MAGIC = 'WSNER01\n';
/** Largest quantised weight: int16. */
const QUANT_MAX = 32767;

export interface SerializedStage {
  readonly trans: Float32Array;
  /** Non-zero emission weights: key = bucket × NUM_TAGS + tag, ascending. */
  readonly keys: Uint32Array;
  readonly values: Float32Array;
}

/** FNV-1a over bytes, as 8 hex digits. */
function digest(bytes: Uint8Array): string {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ (bytes[i] as number), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

function quantScale(values: Float32Array): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) max = Math.max(max, Math.abs(values[i] as number));
  return max === 0 ? 1 : max / QUANT_MAX;
}

function quantize(value: number, scale: number): number {
  return Math.max(-QUANT_MAX, Math.min(QUANT_MAX, Math.round(value / scale)));
}

/** Serializes a model; `header.id` is filled in from the weights. */
export function serializeModel(header: Omit<NerHeader, 'id' | 'format'>, stages: readonly [SerializedStage, SerializedStage]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const scales: number[] = [];
  for (const stage of stages) {
    const scale = quantScale(stage.values);
    scales.push(scale);
    // Weights that quantise to zero are left out.
    const kept: number[] = [];
    for (let i = 0; i < stage.keys.length; i++) if (quantize(stage.values[i] as number, scale) !== 0) kept.push(i);
    const nnz = kept.length;
    const varints = new Uint8Array(nnz * 5);
    const vals = new Int16Array(nnz);
    let p = 0;
    let prev = 0;
    for (let i = 0; i < nnz; i++) {
      const k = kept[i] as number;
      vals[i] = quantize(stage.values[k] as number, scale);
      let d = (stage.keys[k] as number) - prev;
      prev = stage.keys[k] as number;
      while (d >= 0x80) {
        varints[p++] = (d & 0x7f) | 0x80;
        d >>>= 7;
      }
      varints[p++] = d;
    }
    const head = new Uint32Array([nnz, p]);
    chunks.push(new Uint8Array(new Float32Array(stage.trans).buffer), new Uint8Array(head.buffer), new Uint8Array(vals.buffer), varints.subarray(0, p));
  }
  const body = concat(chunks);
  const full: NerHeader = { format: 1, id: digest(body), ...header, training: { ...header.training, scales } };
  const json = new TextEncoder().encode(JSON.stringify(full));
  const len = new Uint8Array(new Uint32Array([json.length]).buffer);
  return concat([new TextEncoder().encode(MAGIC), len, json, body]);
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((s, c) => s + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/** Reads a model file's bytes. */
export function deserializeModel(bytes: Uint8Array): NerModel {
  const magic = new TextDecoder().decode(bytes.subarray(0, MAGIC.length));
  if (magic !== MAGIC) throw new Error('not a wirestream NER model file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let p = MAGIC.length;
  const headerLen = view.getUint32(p, true);
  p += 4;
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(p, p + headerLen))) as NerHeader;
  p += headerLen;
  const scales = (header.training?.['scales'] as number[] | undefined) ?? [1, 1];
  const buckets = 2 ** header.hashBits;
  const stages: Stage[] = [];
  for (let s = 0; s < 2; s++) {
    const trans = new Float32Array(T * T);
    for (let i = 0; i < T * T; i++) trans[i] = view.getFloat32(p + i * 4, true);
    p += T * T * 4;
    const nnz = view.getUint32(p, true);
    const varLen = view.getUint32(p + 4, true);
    p += 8;
    const scale = scales[s] ?? 1;
    const weights = new Int16Array(buckets * T);
    let key = 0;
    let q = p + nnz * 2;
    for (let i = 0; i < nnz; i++) {
      let d = 0;
      let shift = 0;
      let b: number;
      do {
        b = bytes[q++] as number;
        d += (b & 0x7f) * 2 ** shift;
        shift += 7;
      } while (b & 0x80);
      key += d;
      weights[key] = view.getInt16(p + i * 2, true);
    }
    p += nnz * 2 + varLen;
    stages.push({ table: new QuantizedTable(weights, scale), trans });
  }
  return new NerModel(header, stages[0] as Stage, stages[1] as Stage);
}

/** Human-readable tag names, for debugging and tests. */
export function tagNames(tags: Uint8Array): string[] {
  return Array.from(tags, tagName);
}
