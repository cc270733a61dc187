/**
 * Entity-level precision, recall and F1 (conlleval: exact span and type) and throughput of the
 * recognizer `extractEntities` runs, on a CoNLL-2003 file.
 *
 *   node tools/ner-training/dist/bench.js [--data FILE] [--model FILE] [--json] [--save]
 *
 * Each CoNLL document is rebuilt as running text (see `documentText`), recognized, and its spans
 * mapped back to CoNLL words (PERSON → PER, GPE and LOC → LOC). `tokensPerSec` is CoNLL tokens per
 * CPU second of the recognizer alone (tokenizer, features, both model stages, typing) on one
 * thread, the best of several timed passes after a warm-up: CPU time rather than elapsed time, so
 * that other processes on a shared machine do not count against it (`wallTokensPerSec` gives the
 * elapsed-time figure too). `extractTokensPerSec` is the same for the whole `extractEntities`
 * (recognition plus canonicalization). compromise (a pinned dev dependency)
 * runs on the same text in the same run as the peer. The last line printed is one JSON object.
 */

import type { EntityType } from '@wirestream/contracts';
import { ModelRecognizer, createExtractor, defaultRecognizer, loadModel, type Recognizer } from '@wirestream/extract';
import nlp from 'compromise';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { commandLine, reportBenchResult } from '@wirestream/harness';
import { CONLL_TYPES, ChunkScorer, chunksOf, parseConll, spansToChunks, trainingDocument, type ConllType, type Evaluation } from './conll';
import { DEV_FILE } from './data-files';

const USAGE = 'usage: node tools/ner-training/dist/bench.js [--data FILE] [--model FILE] [--json] [--save]';
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

function main(argv: string[]): void {
  const { values } = commandLine({ args: argv, options: { data: { type: 'string' }, model: { type: 'string' }, json: { type: 'boolean' }, save: { type: 'boolean' } } }, USAGE);
  const data = path.resolve(values.data ?? DEV_FILE);
  const jsonOnly = values.json === true;
  const modelFile = values.model;
  const recognizer: Recognizer = modelFile ? new ModelRecognizer(loadModel(path.resolve(modelFile))) : defaultRecognizer();
  const extract = createExtractor(recognizer);

  const docs: BenchDoc[] = parseConll(readFileSync(data, 'utf8')).map((d) => {
    const { text, layout } = trainingDocument(d);
    return { text, layout, gold: chunksOf(d) };
  });
  const tokens = docs.reduce((s, d) => s + d.layout.wordStarts.length, 0);

  const ours = (text: string): { start: number; end: number; type: ConllType }[] =>
    recognizer.recognize(text).map((s) => ({ start: s.start, end: s.end, type: TO_CONLL[s.type] }));
  const result = evaluate(docs, ours);
  const speed = throughput(docs, tokens, (text) => recognizer.recognize(text));
  const extractSpeed = throughput(docs, tokens, (text) => extract(text));

  const peer = compromisePeer();
  const peerResult = evaluate(docs, peer.recognize);
  const peerSpeed = throughput(docs, tokens, peer.recognize);

  if (!jsonOnly) {
    console.log(`${path.basename(data)}: ${docs.length} documents, ${tokens} tokens, recognizer ${recognizer.version}`);
    console.log('type   precision  recall      F1   gold  predicted');
    for (const type of CONLL_TYPES) {
      const r = result.perType[type];
      console.log(`${type.padEnd(6)} ${pct(r.precision)}    ${pct(r.recall)}  ${pct(r.f1)}  ${String(r.gold).padStart(5)}  ${String(r.predicted).padStart(9)}`);
    }
    const o = result.overall;
    console.log(`${'all'.padEnd(6)} ${pct(o.precision)}    ${pct(o.recall)}  ${pct(o.f1)}  ${String(o.gold).padStart(5)}  ${String(o.predicted).padStart(9)}`);
    console.log(`recognizer: ${speed.cpu} tokens/s of CPU (${speed.wall} elapsed); extractEntities: ${extractSpeed.cpu} tokens/s of CPU (${extractSpeed.wall} elapsed); one thread`);
    console.log(`peer ${peer.name}: F1 ${pct(peerResult.overall.f1).trim()} (P ${pct(peerResult.overall.precision).trim()}, R ${pct(peerResult.overall.recall).trim()}), ${peerSpeed.cpu} tokens/s of CPU (${peerSpeed.wall} elapsed)`);
  }
  const perType: Record<string, { f1: number; precision: number; recall: number; gold: number; predicted: number }> = {};
  for (const type of CONLL_TYPES) {
    const r = result.perType[type];
    perType[type] = { f1: round4(r.f1), precision: round4(r.precision), recall: round4(r.recall), gold: r.gold, predicted: r.predicted };
  }
  reportBenchResult(
    'bench:ner',
    {
      f1: round4(result.overall.f1),
      precision: round4(result.overall.precision),
      recall: round4(result.overall.recall),
      tokensPerSec: speed.cpu,
      tokens,
      perType,
      wallTokensPerSec: speed.wall,
      extractTokensPerSec: extractSpeed.cpu,
      model: recognizer.version,
      data: path.basename(data),
      peer: { name: peer.name, f1: round4(peerResult.overall.f1), precision: round4(peerResult.overall.precision), recall: round4(peerResult.overall.recall), tokensPerSec: peerSpeed.cpu, wallTokensPerSec: peerSpeed.wall },
    },
    { save: values.save === true, argv },
  );
}

main(process.argv.slice(2));
