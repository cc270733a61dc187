/**
 * The model file: `WSNER01\n`, a uint32 (LE) header length, a JSON header, then per stage the
 * transition matrix (float32) and the non-zero emission weights as delta-encoded varint keys
 * (bucket × NUM_TAGS + tag) and int16 values (× the stage's scale). `loadModel` reads the
 * committed one by default (`libs/extract/model/ner-model.bin`, next to `src/` and `dist/`
 * alike), written by `npm run train:ner`.
 */

import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { QuantizedTable, type Stage } from './emission-tables';
import { NerModel, type NerHeader } from './ner-model';
import { NUM_TAGS } from './ner-tags';

const T = NUM_TAGS;

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

export const DEFAULT_MODEL_PATH = path.resolve(__dirname, '..', 'model', 'ner-model.bin');

export function loadModel(file: string = DEFAULT_MODEL_PATH): NerModel {
  const bytes = readFileSync(file);
  return deserializeModel(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}
