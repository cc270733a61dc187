/**
 * The trained recognizer's tagger: two stages of emission weights over hashed features plus
 * tag-transition weights, decoded by Viterbi over BILOU tags. Stage 1 tags from local features;
 * stage 2 re-tags with what stage 1 said about the same words elsewhere in the document. Scores of
 * a word's own and context-role features are cached per distinct word.
 */

import { decoderTransitions, viterbi, type DecoderTransitions } from './bilou-decoder';
import type { Stage } from './emission-tables';
import { CONTEXT_END, CONTEXT_ROLES, DOC_FEATURES, INTRINSIC_FEATURES, LOCAL_FEATURES, contextFeatures, contextRoles, documentFeatures, localFeatures, wordFeatures } from './ner-features';
import { NUM_TAGS, TAG_O } from './ner-tags';
import { F_LOWER, F_WORD, analyze, type Analysis } from './token-analysis';
import type { Token } from './tokenize';
import { activeClusters } from './word-clusters';

const T = NUM_TAGS;

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
  /** `WordClusters.id` of the word clusters the model was trained with. */
  readonly clusters?: string;
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
    const clusters = activeClusters().id;
    if ((header.clusters ?? 'none') !== clusters) {
      throw new Error(`NER model ${header.id} was trained with word clusters ${header.clusters ?? 'none'}, not the ones in use (${clusters}); retrain it (npm run train:ner)`);
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
