/**
 * Stanford CoreNLP's CoNLL CRF (`english.conll.4class.distsim`) as the benchmark's peer, on the
 * same documents with the given tokens: the words go to CRFClassifier one per line with a blank
 * line between sentences (its column reader: no tokenizer of its own), and its guesses (IO tags:
 * PERSON, LOCATION, ORGANIZATION, MISC) come back one per word, in order. Benchmark-only: the
 * jars are resolved by the harness's ensureCorenlp into `.wirestream/`.
 */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ChunkScorer, chunksOf, type ConllDocument, type ConllType, type Evaluation, type WordChunk } from './conll';
import { ensureCorenlp } from '@wirestream/harness';

const MODEL = 'edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz';
const TYPES: Record<string, ConllType> = { PERSON: 'PER', LOCATION: 'LOC', ORGANIZATION: 'ORG', MISC: 'MISC', PER: 'PER', LOC: 'LOC', ORG: 'ORG' };

export interface CoreNlpRun {
  readonly name: string;
  readonly result: Evaluation;
  /** Words per second as CRFClassifier reports it (tagging alone, after loading the model). */
  readonly tokensPerSec: number;
  /** Words per elapsed second of the whole run, JVM start and model loading included. */
  readonly wallTokensPerSec: number;
}

/** Chunks of an IO tag sequence: a run of words with the same type, within a sentence. */
export function ioChunks(guesses: readonly (ConllType | null)[], sentenceStarts: ReadonlySet<number>): WordChunk[] {
  const out: WordChunk[] = [];
  let open: { start: number; type: ConllType } | null = null;
  for (let i = 0; i <= guesses.length; i++) {
    const type = i < guesses.length ? guesses[i] ?? null : null;
    if (open && (type !== open.type || sentenceStarts.has(i))) {
      out.push({ start: open.start, end: i, type: open.type });
      open = null;
    }
    if (type && !open) open = { start: i, type };
  }
  return out;
}

/** Runs the CRF on `docs` and scores it as bench:ner scores ours. */
export async function runCoreNlp(docs: readonly ConllDocument[], log: (line: string) => void = () => undefined): Promise<CoreNlpRun> {
  const jars = await ensureCorenlp(log);
  const dir = mkdtempSync(path.join(tmpdir(), 'corenlp-'));
  try {
    const input = path.join(dir, 'input.tsv');
    const lines: string[] = [];
    let tokens = 0;
    for (const doc of docs) {
      const starts = new Set(doc.sentenceStarts);
      doc.words.forEach((w, i) => {
        if (i > 0 && starts.has(i)) lines.push('');
        lines.push(`${w}\tO`);
        tokens++;
      });
      lines.push('');
    }
    writeFileSync(input, lines.join('\n') + '\n');
    const started = process.hrtime.bigint();
    const run = spawnSync(
      'java',
      ['-mx3g', '-cp', jars.classPath, 'edu.stanford.nlp.ie.crf.CRFClassifier', '-loadClassifier', MODEL, '-testFile', input, '-map', 'word=0,answer=1', '-inputEncoding', 'UTF-8', '-outputEncoding', 'UTF-8'],
      { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (run.status !== 0) throw new Error(`CRFClassifier failed (exit ${run.status}): ${run.stderr.slice(-2000)}`);
    const guesses: (ConllType | null)[] = [];
    for (const line of run.stdout.split('\n')) {
      const cols = line.split('\t');
      if (cols.length < 3) continue;
      guesses.push(TYPES[cols[cols.length - 1] as string] ?? null);
    }
    if (guesses.length !== tokens) throw new Error(`CRFClassifier returned ${guesses.length} guesses for ${tokens} words`);
    const scorer = new ChunkScorer();
    let offset = 0;
    for (const doc of docs) {
      const mine = guesses.slice(offset, offset + doc.words.length);
      offset += doc.words.length;
      scorer.add(chunksOf(doc), ioChunks(mine, new Set(doc.sentenceStarts)));
    }
    const rate = /tagged\s+(\d+)\s+words\s+in\s+\d+\s+documents\s+at\s+([\d.,]+)\s+words per second/.exec(run.stderr);
    const reported = rate ? Number((rate[2] as string).replace(/,/g, '')) : tokens / seconds;
    return { name: `Stanford CoreNLP ${jars.version} CRF (english.conll.4class.distsim)`, result: scorer.result(), tokensPerSec: Math.round(reported), wallTokensPerSec: Math.round(tokens / seconds) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
