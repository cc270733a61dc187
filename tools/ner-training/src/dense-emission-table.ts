import { NUM_TAGS, type EmissionTable } from '@wirestream/extract';

const T = NUM_TAGS;

/**
 * Dense rows of NUM_TAGS float weights per bucket: the table the trainer updates. The shipped
 * model holds the averaged weights quantised to int16 (`QuantizedTable` in libs/extract).
 */
export class DenseEmissionTable implements EmissionTable {
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
