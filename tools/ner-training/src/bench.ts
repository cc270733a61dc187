/**
 * Entity-level precision, recall and F1 (conlleval: exact span and type) and throughput of the
 * recognizer `extractEntities` runs, on a CoNLL-2003 file; and the cross-validated F1 on folds of
 * the training file, by which features and hyper-parameters are chosen.
 *
 *   node tools/ner-training/dist/bench.js [--data FILE] [--train FILE] [--model FILE] [--folds K]
 *     [--cv-only] [--no-clusters] [--no-package-gazetteer] [--epochs N] [--hash-bits N] [--peer compromise|corenlp|none] [--json] [--save]
 *
 * By default the recognizer is trained on eng.train alone (the model the project ships is trained
 * on train + testa, so scoring it on testa would be meaningless), then scored on `--data`
 * (eng.testa); `--model FILE` scores a given model instead. `--folds K` (default 5; 0 skips it)
 * also trains K times on K - 1 blocks of the training file's documents and pools the scores of the
 * held-out blocks (see cross-validate.ts); `--cv-only` stops there, leaving testa unlooked at.
 * `--no-clusters` and `--no-package-gazetteer` turn those features off (for comparing).
 *
 * Each CoNLL document is rebuilt as running text (see `documentText`), recognized, and its spans
 * mapped back to CoNLL words (PERSON → PER, GPE and LOC → LOC). `tokensPerSec` is CoNLL tokens per
 * CPU second of the recognizer alone (tokenizer, features, both model stages, typing) on one
 * thread, the best of several timed passes after a warm-up: CPU time rather than elapsed time, so
 * that other processes on a shared machine do not count against it (`wallTokensPerSec` gives the
 * elapsed-time figure too). `extractTokensPerSec` is the same for the whole `extractEntities`
 * (recognition plus canonicalization). The peer runs on the same documents in the same run:
 * compromise (a pinned dev dependency) by default, or Stanford CoreNLP's CRF (`--peer corenlp`,
 * see corenlp-peer.ts). The last line printed is one JSON object.
 */

import type { EntityType } from '@wirestream/contracts';
import { ModelRecognizer, createExtractor, loadModel, setActiveClusters, setPackageGazetteer, type NerModel } from '@wirestream/extract';
import nlp from 'compromise';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { commandLine, reportBenchResult } from '@wirestream/harness';
import { CONLL_TYPES, ChunkScorer, chunksOf, parseConll, spansToChunks, trainingDocument, type ConllDocument, type ConllType, type Evaluation } from './conll';
import { runCoreNlp } from './corenlp-peer';
import { crossValidate, type CrossValidation, type Recognize } from './cross-validate';
import { DEV_FILE, TRAIN_FILE } from './data-files';
import { trainNer, type TrainOptions } from './ner-trainer';

const USAGE =
  'usage: node tools/ner-training/dist/bench.js [--data FILE] [--train FILE] [--model FILE] [--folds K] [--cv-only] [--no-clusters] [--no-package-gazetteer] [--epochs N] [--hash-bits N] [--peer compromise|corenlp|none] [--json] [--save]';
const TIMED_MS = 3000;
const MIN_PASSES = 3;

const TO_CONLL: Record<EntityType, ConllType> = { PERSON: 'PER', ORG: 'ORG', GPE: 'LOC', LOC: 'LOC', MISC: 'MISC' };

interface BenchDoc {
  readonly text: string;
  readonly layout: ReturnType<typeof trainingDocument>['layout'];
  readonly gold: ReturnType<typeof chunksOf>;
}

function evaluate(docs: readonly BenchDoc[], recognize: (text: string) => readonly { start: number; end: number; type: ConllType }[]): Evaluation {
  const scorer = new ChunkScorer();
  for (const doc of docs) scorer.add(doc.gold, spansToChunks(doc.layout, recognize(doc.text)));
  return scorer.result();
}

interface Speed {
  /** Tokens per CPU second of this process (one core's worth of work, whatever else the machine runs). */
  readonly cpu: number;
  /** Tokens per elapsed second: lower than `cpu` when other processes share the cores. */
  readonly wall: number;
}

/** Best tokens per second over passes of `run` on every document (after one warm-up pass). */
function throughput(docs: readonly BenchDoc[], tokens: number, run: (text: string) => unknown): Speed {
  for (const doc of docs) run(doc.text);
  let cpu = 0;
  let wall = 0;
  const started = Date.now();
  for (let pass = 0; pass < MIN_PASSES || Date.now() - started < TIMED_MS; pass++) {
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    for (const doc of docs) run(doc.text);
    const used = process.cpuUsage(c0);
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    cpu = Math.max(cpu, tokens / ((used.user + used.system) / 1e6));
    wall = Math.max(wall, tokens / seconds);
  }
  return { cpu: Math.round(cpu), wall: Math.round(wall) };
}

interface Peer {
  readonly name: string;
  readonly recognize: (text: string) => { start: number; end: number; type: ConllType }[];
}

/** compromise (a pinned dev dependency) on the same text: its people, places and organizations. */
function compromisePeer(): Peer {
  return {
    name: `compromise ${nlp.version}`,
    recognize: (text) => {
      const doc = nlp(text);
      const out: { start: number; end: number; type: ConllType }[] = [];
      const add = (view: { json(options: { offset: boolean }): unknown }, type: ConllType): void => {
        for (const m of view.json({ offset: true }) as { offset?: { start: number; length: number } }[]) {
          if (m.offset) out.push({ start: m.offset.start, end: m.offset.start + m.offset.length, type });
        }
      };
      add(doc.people(), 'PER');
      add(doc.places(), 'LOC');
      add(doc.organizations(), 'ORG');
      return out.sort((a, b) => a.start - b.start);
    },
  };
}

const pct = (x: number): string => (100 * x).toFixed(2).padStart(6);
const round4 = (x: number): number => Math.round(x * 10000) / 10000;

/** Our spans with CoNLL types, as the extractor's recognizer gives them. */
const ours: Recognize = (recognizer, text) => recognizer.recognize(text).map((s) => ({ start: s.start, end: s.end, type: TO_CONLL[s.type] }));

function perTypeJson(result: Evaluation): Record<string, { f1: number; precision: number; recall: number; gold: number; predicted: number }> {
  const out: Record<string, { f1: number; precision: number; recall: number; gold: number; predicted: number }> = {};
  for (const type of CONLL_TYPES) {
    const r = result.perType[type];
    out[type] = { f1: round4(r.f1), precision: round4(r.precision), recall: round4(r.recall), gold: r.gold, predicted: r.predicted };
  }
  return out;
}

function printTable(result: Evaluation): void {
  console.log('type   precision  recall      F1   gold  predicted');
  for (const type of CONLL_TYPES) {
    const r = result.perType[type];
    console.log(`${type.padEnd(6)} ${pct(r.precision)}    ${pct(r.recall)}  ${pct(r.f1)}  ${String(r.gold).padStart(5)}  ${String(r.predicted).padStart(9)}`);
  }
  const o = result.overall;
  console.log(`${'all'.padEnd(6)} ${pct(o.precision)}    ${pct(o.recall)}  ${pct(o.f1)}  ${String(o.gold).padStart(5)}  ${String(o.predicted).padStart(9)}`);
}

interface PeerRun {
  readonly name: string;
  readonly result: Evaluation;
  readonly tokensPerSec: number;
  readonly wallTokensPerSec: number;
}

/** The peer on the same documents: compromise on the same text, or CoreNLP's CRF on the same tokens. */
async function runPeer(name: string, conll: readonly ConllDocument[], docs: readonly BenchDoc[], tokens: number, log: (line: string) => void): Promise<PeerRun | null> {
  if (name === 'none') return null;
  if (name === 'corenlp') return runCoreNlp(conll, log);
  const peer = compromisePeer();
  const speed = throughput(docs, tokens, peer.recognize);
  return { name: peer.name, result: evaluate(docs, peer.recognize), tokensPerSec: speed.cpu, wallTokensPerSec: speed.wall };
}

async function main(argv: string[]): Promise<void> {
  const valued = { type: 'string' } as const;
  const flag = { type: 'boolean' } as const;
  const args = commandLine(
    {
      args: argv,
      options: { data: valued, train: valued, model: valued, folds: valued, 'cv-only': flag, 'no-clusters': flag, 'no-package-gazetteer': flag, epochs: valued, 'hash-bits': valued, peer: valued, json: flag, save: flag },
    },
    USAGE,
  );
  const { values } = args;
  const data = path.resolve(values.data ?? DEV_FILE);
  const trainFile = path.resolve(values.train ?? TRAIN_FILE);
  const jsonOnly = values.json === true;
  const say = (line: string): void => {
    if (!jsonOnly) console.log(line);
  };
  const folds = args.integer('folds', 5, 0);
  if (folds === 1) args.fail('--folds must be 0 (no cross-validation) or at least 2');
  if (values['no-clusters']) setActiveClusters(null);
  if (values['no-package-gazetteer']) setPackageGazetteer(false);
  const options: TrainOptions = { epochs: args.integer('epochs', 10), hashBits: args.integer('hash-bits', 17), describe: { data: path.basename(trainFile) } };
  const trainDocs = values.model && folds === 0 ? [] : parseConll(readFileSync(trainFile, 'utf8'));

  let cv: CrossValidation | null = null;
  if (folds > 0) {
    say(`cross-validation: ${folds} folds of ${path.basename(trainFile)} (${trainDocs.length} documents)`);
    const started = process.cpuUsage();
    cv = crossValidate(trainDocs, folds, options, ours, say);
    const used = process.cpuUsage(started);
    say(`cross-validated (${((used.user + used.system) / 1e6).toFixed(0)} s of CPU):`);
    if (!jsonOnly) printTable(cv.result);
  }
  const cvJson = cv ? { cvF1: round4(cv.result.overall.f1), cvPrecision: round4(cv.result.overall.precision), cvRecall: round4(cv.result.overall.recall), cvFolds: folds, cvFoldF1: cv.foldF1.map(round4), cvPerType: perTypeJson(cv.result) } : {};
  if (values['cv-only']) {
    if (!cv) args.fail('--cv-only needs --folds of at least 2');
    reportBenchResult('bench:ner', { ...cvJson, clusters: !values['no-clusters'], packageGazetteer: !values['no-package-gazetteer'], train: path.basename(trainFile) }, { save: values.save === true, argv });
    return;
  }

  let model: NerModel;
  let modelBytes: number;
  if (values.model) {
    const file = path.resolve(values.model);
    model = loadModel(file);
    modelBytes = readFileSync(file).length;
  } else {
    const trained = trainNer(
      trainDocs.map((d) => trainingDocument(d)),
      options,
    );
    model = trained.model;
    modelBytes = trained.bytes.length;
  }
  const recognizer = new ModelRecognizer(model);
  const extract = createExtractor(recognizer);

  const peerName = values.peer ?? 'compromise';
  if (!['compromise', 'corenlp', 'none'].includes(peerName)) args.fail(`unknown peer ${peerName}`);
  const conll = parseConll(readFileSync(data, 'utf8'));
  const docs: BenchDoc[] = conll.map((d) => {
    const { text, layout } = trainingDocument(d);
    return { text, layout, gold: chunksOf(d) };
  });
  const tokens = docs.reduce((s, d) => s + d.layout.wordStarts.length, 0);

  const result = evaluate(docs, (text) => ours(recognizer, text));
  const speed = throughput(docs, tokens, (text) => recognizer.recognize(text));
  const extractSpeed = throughput(docs, tokens, (text) => extract(text));

  const peer = await runPeer(peerName, conll, docs, tokens, say);

  say(`${path.basename(data)}: ${docs.length} documents, ${tokens} tokens, recognizer ${recognizer.version} (${values.model ? path.basename(values.model) : `trained on ${path.basename(trainFile)}`}, ${(modelBytes / 1024 / 1024).toFixed(2)} MB)`);
  if (!jsonOnly) printTable(result);
  say(`recognizer: ${speed.cpu} tokens/s of CPU (${speed.wall} elapsed); extractEntities: ${extractSpeed.cpu} tokens/s of CPU (${extractSpeed.wall} elapsed); one thread`);
  if (peer) {
    const o = peer.result.overall;
    say(`peer ${peer.name}: F1 ${pct(o.f1).trim()} (P ${pct(o.precision).trim()}, R ${pct(o.recall).trim()}), ${peer.tokensPerSec} tokens/s (${peer.wallTokensPerSec} elapsed)`);
    if (peerName === 'corenlp' && !jsonOnly) printTable(peer.result);
  }
  reportBenchResult(
    'bench:ner',
    {
      f1: round4(result.overall.f1),
      precision: round4(result.overall.precision),
      recall: round4(result.overall.recall),
      ...cvJson,
      tokensPerSec: speed.cpu,
      tokens,
      perType: perTypeJson(result),
      wallTokensPerSec: speed.wall,
      extractTokensPerSec: extractSpeed.cpu,
      model: recognizer.version,
      modelBytes,
      trainedOn: values.model ? null : path.basename(trainFile),
      clusters: !values['no-clusters'],
      packageGazetteer: !values['no-package-gazetteer'],
      data: path.basename(data),
      peer: peer
        ? {
            name: peer.name,
            f1: round4(peer.result.overall.f1),
            precision: round4(peer.result.overall.precision),
            recall: round4(peer.result.overall.recall),
            perType: perTypeJson(peer.result),
            tokensPerSec: peer.tokensPerSec,
            wallTokensPerSec: peer.wallTokensPerSec,
          }
        : null,
    },
    { save: values.save === true, argv },
  );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`bench:ner failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
