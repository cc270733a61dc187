/**
 * Training the two-stage recognizer: a structured averaged perceptron (Collins 2002) with Viterbi
 * decoding over BILOU tags, on documents given as text with gold character spans.
 *
 * Stage 2's document features need stage 1's tags for every training document; those come from
 * jackknifing (stage 1 trained on the other folds), so stage 2 learns how far to trust a first
 * pass on text it has not seen. Everything is deterministic: documents are assigned to folds by
 * index and instances are shuffled by a seeded generator.
 */

import {
  DOC_FEATURES,
  LOCAL_FEATURES,
  NER_TYPES,
  NUM_TAGS,
  POS_B,
  POS_I,
  POS_L,
  POS_U,
  TAG_O,
  activeClusters,
  analyze,
  deserializeModel,
  documentFeatures,
  localFeatures,
  makeTag,
  nerTokenize,
  serializeModel,
  tagName,
  viterbi,
  type Analysis,
  type NerModel,
  type NerType,
  type SerializedStage,
} from '@wirestream/extract';
import { DenseEmissionTable } from './dense-emission-table';

const T = NUM_TAGS;

export interface TrainingEntity {
  /** UTF-16 offsets into the document text, end exclusive. */
  readonly start: number;
  readonly end: number;
  readonly type: NerType;
}

export interface TrainingDocument {
  readonly text: string;
  readonly entities: readonly TrainingEntity[];
}

export interface TrainOptions {
  /** Passes over the data per stage (default 10). */
  readonly epochs?: number;
  /** Seed of the instance shuffling (default 1). */
  readonly seed?: number;
  /** log2 of the number of feature buckets (default 17). */
  readonly hashBits?: number;
  /** Jackknife folds for stage 2's first-pass tags (default 4; 1 uses stage 1's own tags). */
  readonly folds?: number;
  /** Averaged weights with a smaller magnitude are dropped from the shipped model (default 0.05). */
  readonly prune?: number;
  /** Extra facts to keep in the model header. */
  readonly describe?: Record<string, unknown>;
  readonly log?: (line: string) => void;
}

export interface TrainResult {
  /** The model file's bytes. */
  readonly bytes: Uint8Array;
  /** The same model, read back from those bytes (quantised and pruned, as shipped). */
  readonly model: NerModel;
  readonly stats: {
    readonly tokens: number;
    readonly documents: number;
    readonly nonZero: [number, number];
  };
}

interface Prepared {
  readonly n: number;
  readonly analysis: Analysis;
  /** DOC_FEATURES per token; stage 1 reads the first LOCAL_FEATURES. */
  readonly feats: Int32Array;
  readonly gold: Uint8Array;
  /** Instance boundaries: token indices, ascending, first 0, last n. */
  readonly bounds: Int32Array;
}

const TYPE_INDEX = new Map<string, number>(NER_TYPES.map((t, i) => [t, i]));

/** Tokenizes a document and labels its tokens with BILOU tags from the gold spans. */
function prepare(doc: TrainingDocument, hashBits: number): Prepared {
  const tokens = nerTokenize(doc.text);
  const n = tokens.length;
  const gold = new Uint8Array(n);
  const entities = [...doc.entities].sort((a, b) => a.start - b.start);
  let e = 0;
  for (let i = 0; i < n; ) {
    const tok = tokens[i];
    while (e < entities.length && entities[e].end <= tok.start) e++;
    const ent = entities[e];
    if (!ent || tok.start < ent.start) {
      i++;
      continue;
    }
    const type = TYPE_INDEX.get(ent.type);
    if (type === undefined) throw new Error(`unknown entity type ${ent.type}`);
    let j = i;
    while (j < n && tokens[j].start < ent.end) j++;
    if (j - i === 1) gold[i] = makeTag(type, POS_U);
    else {
      gold[i] = makeTag(type, POS_B);
      for (let k = i + 1; k < j - 1; k++) gold[k] = makeTag(type, POS_I);
      gold[j - 1] = makeTag(type, POS_L);
    }
    i = j;
    e++;
  }
  const bounds: number[] = [0];
  for (let i = 1; i < n; i++) {
    const g = gold[i];
    const inside = g !== TAG_O && ((g - 1) & 3) !== POS_B && ((g - 1) & 3) !== POS_U;
    if (tokens[i].sentStart && !inside) bounds.push(i);
  }
  bounds.push(n);
  const analysis = analyze(tokens);
  const feats = new Int32Array(n * DOC_FEATURES);
  localFeatures(analysis, feats, DOC_FEATURES, hashBits);
  return { n, analysis, feats, gold, bounds: Int32Array.from(bounds) };
}

/** mulberry32: a small deterministic generator. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface StageWeights {
  readonly weights: Float32Array;
  readonly trans: Float32Array;
}

/** Trains one stage's averaged perceptron on `docs`, reading `count` features per token. */
function trainStage(docs: readonly Prepared[], count: number, epochs: number, seed: number, hashBits: number, log: (line: string) => void, label: string): StageWeights {
  const size = 2 ** hashBits * T;
  const w = new Float32Array(size);
  const u = new Float64Array(size);
  const tw = new Float32Array(T * T);
  const tu = new Float64Array(T * T);
  const table = new DenseEmissionTable(w);
  const instances: number[] = [];
  let maxN = 0;
  for (let d = 0; d < docs.length; d++) {
    const doc = docs[d];
    maxN = Math.max(maxN, doc.n);
    for (let k = 0; k + 1 < doc.bounds.length; k++) if (doc.bounds[k + 1] > doc.bounds[k]) instances.push(d, k);
  }
  const em = new Float32Array(maxN * T);
  const pred = new Uint8Array(maxN);
  const order = Array.from({ length: instances.length / 2 }, (_, i) => i);
  const random = rng(seed);
  let c = 1;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
    let errors = 0;
    let tokens = 0;
    for (const idx of order) {
      const doc = docs[instances[idx * 2]];
      const k = instances[idx * 2 + 1];
      const from = doc.bounds[k];
      const to = doc.bounds[k + 1];
      em.fill(0, from * T, to * T);
      table.score(doc.feats, DOC_FEATURES, 0, count, from, to, em);
      viterbi(em, tw, from, to, pred);
      tokens += to - from;
      for (let i = from; i < to; i++) {
        const g = doc.gold[i];
        const p = pred[i];
        if (g !== p) {
          errors++;
          const fo = i * DOC_FEATURES;
          for (let f = 0; f < count; f++) {
            const r = doc.feats[fo + f] * T;
            w[r + g] += 1;
            u[r + g] += c;
            w[r + p] -= 1;
            u[r + p] -= c;
          }
        }
        if (i > from) {
          const pg = doc.gold[i - 1];
          const pp = pred[i - 1];
          if (g !== p || pg !== pp) {
            tw[pg * T + g] += 1;
            tu[pg * T + g] += c;
            tw[pp * T + p] -= 1;
            tu[pp * T + p] -= c;
          }
        }
      }
      c++;
    }
    log(`  ${label} epoch ${epoch}/${epochs}: ${((100 * errors) / Math.max(1, tokens)).toFixed(2)}% token errors`);
  }
  // Averaged weights: w - u / c.
  for (let i = 0; i < size; i++) if (u[i] !== 0) w[i] = w[i] - u[i] / c;
  for (let i = 0; i < T * T; i++) tw[i] = tw[i] - tu[i] / c;
  return { weights: w, trans: tw };
}

/** Stage-1 tags for a whole document with trained weights. */
function firstPass(doc: Prepared, stage: StageWeights): Uint8Array {
  const em = new Float32Array(doc.n * T);
  new DenseEmissionTable(stage.weights).score(doc.feats, DOC_FEATURES, 0, LOCAL_FEATURES, 0, doc.n, em);
  const out = new Uint8Array(doc.n);
  viterbi(em, stage.trans, 0, doc.n, out);
  return out;
}

function sparsify(stage: StageWeights, prune: number): SerializedStage {
  const w = stage.weights;
  let nnz = 0;
  for (let i = 0; i < w.length; i++) if (Math.abs(w[i]) > prune) nnz++;
  const keys = new Uint32Array(nnz);
  const values = new Float32Array(nnz);
  let p = 0;
  for (let i = 0; i < w.length; i++) {
    if (Math.abs(w[i]) > prune) {
      keys[p] = i;
      values[p++] = w[i];
    }
  }
  return { trans: stage.trans, keys, values };
}

/** Trains the recognizer on `docs`; deterministic for the same documents and options. */
export function trainNer(docs: readonly TrainingDocument[], options: TrainOptions = {}): TrainResult {
  const epochs = options.epochs ?? 10;
  const seed = options.seed ?? 1;
  const hashBits = options.hashBits ?? 17;
  const folds = Math.max(1, Math.min(options.folds ?? 4, docs.length));
  const prune = options.prune ?? 0.05;
  const log = options.log ?? ((): void => undefined);
  if (docs.length === 0) throw new Error('no training documents');

  const prepared = docs.map((d) => prepare(d, hashBits));
  const tokens = prepared.reduce((s, d) => s + d.n, 0);
  log(`${docs.length} documents, ${tokens} tokens, 2^${hashBits} buckets, ${epochs} epochs, ${folds} folds`);

  // Stage-1 tags of every document from a model that did not see it.
  const firstTags: Uint8Array[] = new Array<Uint8Array>(prepared.length);
  if (folds > 1) {
    for (let k = 0; k < folds; k++) {
      const train = prepared.filter((_, d) => d % folds !== k);
      const stage = trainStage(train, LOCAL_FEATURES, epochs, seed + k + 1, hashBits, log, `fold ${k + 1}/${folds}`);
      for (let d = k; d < prepared.length; d += folds) firstTags[d] = firstPass(prepared[d], stage);
    }
  }
  const stage1 = trainStage(prepared, LOCAL_FEATURES, epochs, seed, hashBits, log, 'stage 1');
  for (let d = 0; d < prepared.length; d++) {
    const doc = prepared[d];
    const tags = folds > 1 ? firstTags[d] : firstPass(doc, stage1);
    documentFeatures(doc.analysis, { tags }, doc.feats, DOC_FEATURES, hashBits);
  }
  const stage2 = trainStage(prepared, DOC_FEATURES, epochs, seed, hashBits, log, 'stage 2');

  const s1 = sparsify(stage1, prune);
  const s2 = sparsify(stage2, prune);
  const bytes = serializeModel(
    {
      hashBits,
      tags: Array.from({ length: T }, (_, t) => tagName(t)),
      localFeatures: LOCAL_FEATURES,
      docFeatures: DOC_FEATURES,
      clusters: activeClusters().id,
      training: { ...options.describe, documents: docs.length, tokens, epochs, seed, folds, prune },
    },
    [s1, s2],
  );
  log(`model: ${s1.keys.length} + ${s2.keys.length} non-zero weights, ${bytes.length} bytes`);
  return { bytes, model: deserializeModel(bytes), stats: { tokens, documents: docs.length, nonZero: [s1.keys.length, s2.keys.length] } };
}
