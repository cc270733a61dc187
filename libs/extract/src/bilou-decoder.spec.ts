import { allowedTransition, viterbi } from './bilou-decoder';
import { NUM_TAGS, POS_B, POS_I, POS_L, POS_U, TAG_O, makeTag, tagNames } from './ner-tags';

const T = NUM_TAGS;
const PER = 0;
const LOC = 2;

/** Textbook Viterbi over every allowed transition, predecessors in ascending order: the reference. */
function referenceViterbi(em: Float32Array, trans: Float32Array, n: number): number[] {
  let scores = Array.from({ length: T }, (_, t) => (allowedTransition(-1, t) ? (em[t] as number) : -Infinity));
  const back: number[][] = [];
  for (let p = 1; p < n; p++) {
    const next: number[] = [];
    const from: number[] = [];
    for (let t = 0; t < T; t++) {
      let best = -Infinity;
      let arg = 0;
      for (let q = 0; q < T; q++) {
        if (!allowedTransition(q, t)) continue;
        const s = (scores[q] as number) + (trans[q * T + t] as number);
        if (s > best) [best, arg] = [s, q];
      }
      next.push(best + (em[p * T + t] as number));
      from.push(arg);
    }
    scores = next;
    back.push(from);
  }
  let arg = TAG_O;
  for (let t = 0; t < T; t++) if ((t === TAG_O || [POS_L, POS_U].includes(tagPosOf(t))) && (scores[t] as number) > (scores[arg] as number)) arg = t;
  const tags = [arg];
  for (let p = n - 1; p > 0; p--) tags.unshift((arg = (back[p - 1] as number[])[arg] as number));
  return tags;
}

function tagPosOf(tag: number): number {
  return (tag - 1) & 3;
}

describe('BILOU constraints', () => {
  it('allows I and L only after B or I of the same type', () => {
    expect(allowedTransition(makeTag(PER, POS_B), makeTag(PER, POS_I))).toBe(true);
    expect(allowedTransition(makeTag(PER, POS_I), makeTag(PER, POS_L))).toBe(true);
    expect(allowedTransition(makeTag(PER, POS_B), makeTag(LOC, POS_L))).toBe(false);
    expect(allowedTransition(TAG_O, makeTag(PER, POS_I))).toBe(false);
    expect(allowedTransition(-1, makeTag(PER, POS_L))).toBe(false);
    expect(allowedTransition(makeTag(PER, POS_B), TAG_O)).toBe(false);
    expect(allowedTransition(makeTag(PER, POS_U), makeTag(LOC, POS_B))).toBe(true);
  });

  it('decodes the best valid sequence even when the locally best tags are invalid', () => {
    // Token 0 prefers I-PER (invalid at the start), token 1 prefers L-PER, token 2 O.
    const em = new Float32Array(3 * T);
    em[0 * T + makeTag(PER, POS_I)] = 5;
    em[0 * T + makeTag(PER, POS_B)] = 4;
    em[1 * T + makeTag(PER, POS_L)] = 5;
    em[2 * T + TAG_O] = 1;
    const out = new Uint8Array(3);
    viterbi(em, new Float32Array(T * T), 0, 3, out);
    expect(tagNames(out)).toEqual(['B-PER', 'L-PER', 'O']);
  });

  it('never ends a sequence inside an entity', () => {
    const em = new Float32Array(2 * T);
    em[0 * T + makeTag(LOC, POS_B)] = 3;
    em[1 * T + makeTag(LOC, POS_I)] = 3;
    const out = new Uint8Array(2);
    viterbi(em, new Float32Array(T * T), 0, 2, out);
    expect(tagNames(out)).toEqual(['B-LOC', 'L-LOC']);
  });

  it('decodes as trying every predecessor, also where one path leads so far that the others are skipped', () => {
    let x = 11;
    const next = (): number => ((x = (x * 48271) % 2147483647) / 2147483647) * 2 - 1;
    for (let k = 0; k < 300; k++) {
      const n = 2 + (k % 12);
      const scale = [3, 15, 40][k % 3] as number;
      const em = Float32Array.from({ length: n * T }, () => next() * scale);
      // Mostly O by a wide margin, as in newswire.
      for (let i = 0; i < n; i++) if (next() > -0.4) em[i * T + TAG_O] += Math.abs(next()) * scale * 2;
      const trans = Float32Array.from({ length: T * T }, () => next() * 10);
      const out = new Uint8Array(n);
      viterbi(em, trans, 0, n, out);
      expect(Array.from(out)).toEqual(referenceViterbi(em, trans, n));
    }
  });

  it('decodes range by range as the whole sequence when the tokens between ranges are O', () => {
    // Pseudo-random emissions and transitions; token 4 is forced O (every other tag far below).
    let x = 7;
    const next = (): number => ((x = (x * 48271) % 2147483647) / 2147483647) * 4 - 2;
    const n = 9;
    const em = Float32Array.from({ length: n * T }, next);
    const trans = Float32Array.from({ length: T * T }, next);
    for (let t = 1; t < T; t++) em[4 * T + t] = -1e4;
    const whole = new Uint8Array(n);
    viterbi(em, trans, 0, n, whole);
    expect(whole[4]).toBe(TAG_O);
    const parts = new Uint8Array(n);
    viterbi(em, trans, 0, 4, parts, true);
    viterbi(em, trans, 5, n, parts, true);
    expect(tagNames(parts)).toEqual(tagNames(whole));
    // Not trivially all O.
    expect(tagNames(whole).some((t) => t !== 'O')).toBe(true);
  });
});
