/**
 * Trains the entity recognizer on CoNLL-2003 and writes the model file the project commits.
 *
 *   node tools/ner-training/dist/train.js [--data FILE[,FILE...]] [--dev FILE|none] [--epochs N] [--out FILE]
 *
 * Defaults: ../shared/data/conll2003/eng.train and eng.testa together (the shipped model: its
 * features and hyper-parameters were chosen by cross-validation on train, `npm run bench:ner`),
 * no dev scoring, 10 epochs, libs/extract/model/ner-model.bin. `--data eng.train --dev eng.testa`
 * trains on train alone and scores testa. The word clusters in use
 * (libs/extract/model/word-clusters.tsv.gz) are recorded in the model. Deterministic: the same
 * data and options give the same bytes.
 */

import { ModelRecognizer, type NerModel } from '@wirestream/extract';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { commandLine } from '@wirestream/harness';
import { ChunkScorer, chunksOf, parseConll, spansToChunks, trainingDocument } from './conll';
import { DEV_FILE, MODEL_FILE, TRAIN_FILE } from './data-files';
import { trainNer } from './ner-trainer';

const USAGE = 'usage: node tools/ner-training/dist/train.js [--data FILE[,FILE...]] [--dev FILE|none] [--epochs N] [--seed N] [--hash-bits N] [--folds N] [--prune X] [--out FILE]';

function devScore(model: NerModel, file: string): string {
  const recognizer = new ModelRecognizer(model);
  const scorer = new ChunkScorer();
  for (const doc of parseConll(readFileSync(file, 'utf8'))) {
    const { text, layout } = trainingDocument(doc);
    scorer.add(chunksOf(doc), spansToChunks(layout, recognizer.recognizeConll(text)));
  }
  const { overall, perType } = scorer.result();
  const pct = (x: number): string => (100 * x).toFixed(2);
  const types = Object.entries(perType).map(([t, r]) => `${t} ${pct(r.f1)}`);
  return `F1 ${pct(overall.f1)} (P ${pct(overall.precision)}, R ${pct(overall.recall)}; ${types.join(', ')})`;
}

function main(argv: string[]): void {
  const valued = { type: 'string' } as const;
  const args = commandLine(
    { args: argv, options: { data: valued, dev: valued, epochs: valued, seed: valued, 'hash-bits': valued, folds: valued, prune: valued, out: valued } },
    USAGE,
  );
  const { values } = args;
  const data = (values.data ?? `${TRAIN_FILE},${DEV_FILE}`).split(',').map((f) => path.resolve(f));
  const dev = values.dev === undefined || values.dev === 'none' ? null : path.resolve(values.dev);
  if (dev && data.includes(dev)) args.fail(`--dev ${path.basename(dev)} is among the training files`);
  const out = path.resolve(values.out ?? MODEL_FILE);
  const started = Date.now();
  const docs = data.flatMap((file) => parseConll(readFileSync(file, 'utf8')).map(trainingDocument));
  const result = trainNer(docs, {
    epochs: args.integer('epochs', 10),
    seed: args.integer('seed', 1, 0),
    hashBits: args.integer('hash-bits', 17),
    folds: args.integer('folds', 4),
    prune: args.number('prune', 0.05),
    describe: { data: data.map((f) => path.basename(f)).join('+') },
    log: (line) => console.log(line),
  });
  const seconds = (Date.now() - started) / 1000;
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, result.bytes);
  console.log(`wrote ${out}: ${(result.bytes.length / 1024 / 1024).toFixed(2)} MB, model ner-${result.model.header.id}, trained in ${seconds.toFixed(1)} s`);
  if (dev) console.log(`dev (${path.basename(dev)}): ${devScore(result.model, dev)}`);
}

main(process.argv.slice(2));
