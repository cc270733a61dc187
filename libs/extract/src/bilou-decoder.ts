/**
 * Viterbi decoding over BILOU tags with the scheme's constraints: I/L only after B/I of the same
 * type, a sequence never ends inside an entity. Only allowed transitions are tried, and most
 * newswire tokens take a shortcut (see `viterbi`), with the same result as the full search.
 */

import { NUM_TAGS, POS_B, POS_I, POS_L, TAG_O, tagPos, tagType } from './ner-tags';

const T = NUM_TAGS;

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
    if (allowedTransition(prev, next) !== expected) throw new Error('bilou-decoder: viterbi expects BILOU transitions');
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
