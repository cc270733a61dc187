/**
 * Cross-validated F1 on a training file: its documents (`-DOCSTART-`) cut into k contiguous
 * blocks, the recognizer trained on k - 1 blocks and scored on the one left out, counts pooled
 * over the k blocks (micro F1, conlleval). Contiguous blocks rather than interleaved documents:
 * neighbouring CoNLL documents are often the same day's news about the same names, so a held-out
 * block is closer to unseen text. This is the figure features and hyper-parameters are chosen by.
 */

import { ModelRecognizer } from '@wirestream/extract';
import { ChunkScorer, chunksOf, spansToChunks, trainingDocument, type ConllDocument, type ConllType, type Evaluation } from './conll';
import { trainNer, type TrainOptions } from './ner-trainer';

export interface CrossValidation {
  readonly folds: number;
  /** Pooled over every held-out block. */
  readonly result: Evaluation;
  /** F1 of each held-out block. */
  readonly foldF1: readonly number[];
}

/** Which of `k` contiguous blocks document `d` of `count` belongs to. */
export function foldOf(d: number, count: number, k: number): number {
  return Math.floor((d * k) / count);
}

export type Recognize = (recognizer: ModelRecognizer, text: string) => readonly { start: number; end: number; type: ConllType }[];

/** k-fold cross-validation of `trainNer` with `options` on `docs`, scored with `recognize`. */
export function crossValidate(docs: readonly ConllDocument[], k: number, options: TrainOptions, recognize: Recognize, log: (line: string) => void = () => undefined): CrossValidation {
  if (k < 2 || k > docs.length) throw new Error(`cross-validation needs 2 to ${docs.length} folds, got ${k}`);
  const prepared = docs.map((d) => ({ ...trainingDocument(d), gold: chunksOf(d) }));
  const pooled = new ChunkScorer();
  const foldF1: number[] = [];
  for (let f = 0; f < k; f++) {
    const train = prepared.filter((_, d) => foldOf(d, docs.length, k) !== f);
    const held = prepared.filter((_, d) => foldOf(d, docs.length, k) === f);
    const { model } = trainNer(train, options);
    const recognizer = new ModelRecognizer(model);
    const scorer = new ChunkScorer();
    for (const doc of held) {
      const predicted = spansToChunks(doc.layout, recognize(recognizer, doc.text));
      scorer.add(doc.gold, predicted);
      pooled.add(doc.gold, predicted);
    }
    const f1 = scorer.result().overall.f1;
    foldF1.push(f1);
    log(`  fold ${f + 1}/${k}: ${held.length} documents held out, F1 ${(100 * f1).toFixed(2)}`);
  }
  return { folds: k, result: pooled.result(), foldF1 };
}
