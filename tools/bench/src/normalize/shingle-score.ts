/**
 * Body-extraction scoring as the article-extraction benchmark defines it (see
 * ../shared/data/README.md): tokens are runs of word characters; a body becomes a multiset of
 * 4-token shingles; per page TP/FP/FN are counted over shingles and divided by their sum, so every
 * page weighs the same; precision and recall are means over pages (a page with no predicted
 * shingles is left out of the precision mean, one with no true shingles out of the recall mean);
 * F1 = 2PR / (P + R).
 */

/** Python's Unicode `\w`: letters, numbers and the underscore. */
const TOKEN = /[\p{L}\p{N}_]+/gu;
export const SHINGLE_TOKENS = 4;

export interface PageCounts {
  /** Shares of the page's shingle total: tp + fp + fn = 1 (or all 0 for two empty texts). */
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
}

export interface ExtractionScore {
  readonly f1: number;
  readonly precision: number;
  readonly recall: number;
}

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/**
 * The text's shingles with their counts. A text shorter than a shingle yields one shorter
 * shingle (and an empty text none), as in the benchmark.
 */
export function shingles(text: string, size = SHINGLE_TOKENS): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - size + 1);
  for (let start = 0; start < last; start++) {
    const shingle = tokens.slice(start, start + size);
    if (shingle.length === 0) continue;
    // U+0001 cannot occur inside a token, so joined shingles cannot collide.
    const key = shingle.join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export function comparePage(trueBody: string, predictedBody: string): PageCounts {
  const truth = shingles(trueBody);
  const predicted = shingles(predictedBody);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, predictedCount] of predicted) {
    const trueCount = truth.get(key) ?? 0;
    tp += Math.min(trueCount, predictedCount);
    fp += Math.max(0, predictedCount - trueCount);
  }
  for (const [key, trueCount] of truth) fn += Math.max(0, trueCount - (predicted.get(key) ?? 0));
  const total = tp + fp + fn;
  return total > 0 ? { tp: tp / total, fp: fp / total, fn: fn / total } : { tp: 0, fp: 0, fn: 0 };
}

function precisionOf({ tp, fp, fn }: PageCounts): number {
  if (fp === 0 && fn === 0) return 1;
  return tp + fp === 0 ? 0 : tp / (tp + fp);
}

function recallOf({ tp, fp, fn }: PageCounts): number {
  if (fp === 0 && fn === 0) return 1;
  return tp + fn === 0 ? 0 : tp / (tp + fn);
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

export function scorePages(pages: readonly PageCounts[]): ExtractionScore {
  const precision = mean(pages.filter((page) => page.tp + page.fp > 0).map(precisionOf));
  const recall = mean(pages.filter((page) => page.tp + page.fn > 0).map(recallOf));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { f1, precision, recall };
}
