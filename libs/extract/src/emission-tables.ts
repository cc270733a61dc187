/** Emission weights: a row of NUM_TAGS scores per feature bucket, summed over a token's features. */

import { NUM_TAGS } from './ner-tags';

const T = NUM_TAGS;
// QuantizedTable.score is unrolled for 17 tags (O + BILU × 4 types).
if (T !== 17) throw new Error('emission tables expect 17 tags');

/**
 * Adds the scores of features [first, count) of tokens [from, to) into `em`: NUM_TAGS per token,
 * token i's at i × NUM_TAGS + emShift.
 */
export interface EmissionTable {
  score(features: Int32Array, stride: number, first: number, count: number, from: number, to: number, em: Float32Array, emShift?: number): void;
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
