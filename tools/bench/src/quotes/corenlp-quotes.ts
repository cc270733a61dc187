/**
 * Stanford CoreNLP's quote annotator as the same-run peer of `bench:quotes` (`--peer corenlp`):
 * tokenize, ssplit, pos, lemma, ner, depparse, coref and quote over the same article texts, one
 * thread, JSON out. A quote's speaker is its `canonicalSpeaker` (the coreference chain's
 * representative mention), else its `speaker`; "Unknown" means none. Speed counts from the first
 * article's output file to the last one's, so loading the models (a minute or more) is not
 * charged to it.
 */

import { ensureCorenlp } from '@wirestream/harness';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import * as path from 'node:path';
import type { PolnearArticle } from './polnear';
import type { PredictedQuote } from './quote-score';

export interface PeerRun {
  readonly name: string;
  readonly predictions: PredictedQuote[][];
  readonly docsPerSec: number;
}

interface CorenlpQuote {
  beginIndex: number;
  endIndex: number;
  speaker?: string;
  canonicalSpeaker?: string;
}

const ANNOTATORS = 'tokenize,ssplit,pos,lemma,ner,depparse,coref,quote';
const HEAP = process.env.WIRESTREAM_CORENLP_HEAP ?? '8g';

function speakerOf(q: CorenlpQuote): string | null {
  for (const name of [q.canonicalSpeaker, q.speaker]) if (name && name !== 'Unknown') return name;
  return null;
}

export async function runCorenlpQuotes(articles: readonly PolnearArticle[]): Promise<PeerRun> {
  const jars = await ensureCorenlp();
  const work = mkdtempSync(path.join(os.tmpdir(), 'bench-quotes-corenlp-'));
  try {
    const inputs = path.join(work, 'in');
    const outputs = path.join(work, 'out');
    mkdirSync(inputs);
    mkdirSync(outputs);
    const files = articles.map((article, index) => {
      const file = path.join(inputs, `${String(index).padStart(5, '0')}.txt`);
      writeFileSync(file, article.text);
      return file;
    });
    writeFileSync(path.join(work, 'files.txt'), `${files.join('\n')}\n`);
    const args = [
      `-Xmx${HEAP}`,
      '-cp',
      jars.classPath,
      'edu.stanford.nlp.pipeline.StanfordCoreNLP',
      '-annotators',
      ANNOTATORS,
      '-threads',
      '1',
      '-outputFormat',
      'json',
      '-outputDirectory',
      outputs,
      '-filelist',
      path.join(work, 'files.txt'),
    ];
    const log: string[] = [];
    const code = await new Promise<number>((resolve) => {
      const child = spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
      const watch = (chunk: Buffer): void => {
        for (const line of chunk.toString().split('\n')) {
          if (line.trim() === '') continue;
          log.push(line);
          if (log.length > 40) log.shift();
        }
      };
      child.stdout.on('data', watch);
      child.stderr.on('data', watch);
      child.on('error', () => resolve(-1));
      child.on('close', (status) => resolve(status ?? -1));
    });
    if (code !== 0) throw new Error(`CoreNLP exited with ${code}:\n${log.join('\n')}`);
    const predictions = files.map((file) => {
      const json = JSON.parse(readFileSync(path.join(outputs, `${path.basename(file)}.json`), 'utf8')) as { quotes?: CorenlpQuote[] };
      return (json.quotes ?? []).map((q): PredictedQuote => ({ start: q.beginIndex, end: q.endIndex, speakerName: speakerOf(q) }));
    });
    const written = files.map((file) => statSync(path.join(outputs, `${path.basename(file)}.json`)).mtimeMs);
    const seconds = (Math.max(...written) - Math.min(...written)) / 1000;
    return { name: `corenlp-${jars.version}`, predictions, docsPerSec: seconds > 0 ? (articles.length - 1) / seconds : 0 };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
