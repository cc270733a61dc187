import type { PolnearArticle } from './polnear';
import type { PredictedQuote } from './quote-score';

export interface PeerRun {
  readonly name: string;
  readonly predictions: PredictedQuote[][];
  readonly docsPerSec: number;
}

export async function runCorenlpQuotes(_articles: readonly PolnearArticle[]): Promise<PeerRun> {
  throw new Error('not yet');
}
