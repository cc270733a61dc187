/**
 * Learns Brown word clusters from the unlabeled Reuters-21578 newswire (../shared, never copied)
 * and writes the compact artefact libs/extract reads: gzipped lines `bits<TAB>word`,
 * most frequent words first.
 *
 *   node tools/ner-training/dist/train-clusters.js [--data DIR] [--clusters N] [--min-count N] [--out FILE]
 *
 * Each story's TITLE, DATELINE and BODY are tokenized with the recognizer's own tokenizer, so the
 * clustered words are spelled as the model meets them; bigrams never cross sentences.
 * Deterministic: the same files and options give the same bytes.
 */

import { DEFAULT_CLUSTERS_PATH, nerTokenize } from '@wirestream/extract';
import { commandLine, SHARED_DIR } from '@wirestream/harness';
import { Parser } from 'htmlparser2';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { brownClusters } from './brown-clusters';

const USAGE = 'usage: node tools/ner-training/dist/train-clusters.js [--data DIR] [--clusters N] [--min-count N] [--out FILE]';
const TEXT_ELEMENTS = new Set(['title', 'dateline', 'body']);

/** The text of every story's TITLE, DATELINE and BODY in one SGML file, one string per element. */
export function reutersTexts(sgml: string): string[] {
  const out: string[] = [];
  let current: string[] | null = null;
  const parser = new Parser(
    {
      onopentag: (name) => {
        if (TEXT_ELEMENTS.has(name)) current = [];
      },
      ontext: (text) => {
        current?.push(text);
      },
      onclosetag: (name) => {
        if (TEXT_ELEMENTS.has(name) && current) {
          out.push(current.join(''));
          current = null;
        }
      },
    },
    { xmlMode: true, decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(sgml);
  parser.end();
  return out;
}

/** The text with control characters (the collection's &#2; and &#3; markers) as spaces; tabs and newlines kept. */
function withoutControls(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    out += c < 32 && c !== 9 && c !== 10 ? ' ' : ch;
  }
  return out;
}

/** Sentences of tokens, as the recognizer's tokenizer splits them. */
function* sentences(texts: readonly string[]): Generator<string[]> {
  for (const text of texts) {
    let sentence: string[] = [];
    for (const tok of nerTokenize(withoutControls(text))) {
      if (tok.sentStart && sentence.length > 0) {
        yield sentence;
        sentence = [];
      }
      sentence.push(tok.text);
    }
    if (sentence.length > 0) yield sentence;
  }
}

function main(argv: string[]): void {
  const valued = { type: 'string' } as const;
  const args = commandLine({ args: argv, options: { data: valued, clusters: valued, 'min-count': valued, out: valued } }, USAGE);
  const dir = path.resolve(args.values.data ?? path.join(SHARED_DIR, 'data', 'unlabeled', 'reuters-21578'));
  const out = path.resolve(args.values.out ?? DEFAULT_CLUSTERS_PATH);
  const files = readdirSync(dir)
    .filter((f) => /\.sgm(\.gz)?$/.test(f))
    .sort();
  if (files.length === 0) throw new Error(`no .sgm files in ${dir}`);
  const started = Date.now();
  const texts: string[] = [];
  for (const f of files) {
    const raw = readFileSync(path.join(dir, f));
    // One file has a byte that is not UTF-8: the collection is read as Latin-1.
    texts.push(...reutersTexts((f.endsWith('.gz') ? gunzipSync(raw) : raw).toString('latin1')));
  }
  const result = brownClusters(sentences(texts), {
    clusters: args.integer('clusters', 256),
    minCount: args.integer('min-count', 3),
    log: (line) => console.log(line),
  });
  const lines: string[] = [];
  for (const [word, bits] of result.paths) lines.push(`${bits}\t${word}`);
  mkdirSync(path.dirname(out), { recursive: true });
  const bytes = gzipSync(lines.join('\n') + '\n', { level: 9 });
  writeFileSync(out, bytes);
  console.log(`wrote ${out}: ${result.words} words, ${(bytes.length / 1024).toFixed(0)} KB, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (require.main === module) main(process.argv.slice(2));
