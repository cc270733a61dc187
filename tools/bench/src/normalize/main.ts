/**
 * Body-extraction quality and speed of the normalizer on labelled news pages, with Mozilla's
 * Readability run on the same pages in the same process as the peer.
 *
 *   npm run bench:normalize -- [--data DIR] [--json] [--per-page] [--save]
 *
 * DIR holds `ground-truth.json` ({ "<id>": { "articleBody", "url" } }) and `html/<id>.html.gz`
 * (default: ../shared/data/article-extraction). Our body is `normalizeDocument`'s `body` for the
 * page as an 'html' raw document; Readability's is `textContent` of `parse()` on a linkedom
 * document. Both are scored with the benchmark's shingle metric (shingle-score.ts). Speed is
 * pages per second of the whole call (parsing included), single-threaded: the best of several
 * timed passes after a warm-up, ours and the peer's passes interleaved so machine load hits both
 * alike. A page on which the peer throws scores as an empty extraction for it and is counted
 * (`peer.failedPages`); the run goes on. Other extractors' stored outputs in DIR/peers/<name>.json
 * ({ "output": { "<id>": { "articleBody" } } }) are scored with the same metric (`storedPeers`).
 * `--folds K` also scores our extraction on K folds of the pages (page i, in id order, in fold
 * i mod K), to see whether a change helps across the pages or on a few of them (`folds`).
 * `--per-page` prints each page's F1 for both. The last line printed is one JSON object.
 */

import { Readability } from '@mozilla/readability';
import { sha256Hex, UnprocessableDocumentError, type RawDocumentV1 } from '@wirestream/contracts';
import { normalizeDocument } from '@wirestream/normalize';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { commandLine, SHARED_DIR, reportBenchResult } from '@wirestream/harness';
import { comparePage, scorePages, type ExtractionScore, type PageCounts } from './shingle-score';
import { tolerant, type Extractor } from './tolerant-extractor';

const USAGE = 'usage: npm run bench:normalize -- [--data DIR] [--folds K] [--json] [--per-page] [--save]';
const DEFAULT_DATA_DIR = path.join(SHARED_DIR, 'data', 'article-extraction');
/** Timed passes over all pages: at least this many, and more until this much time has passed. */
const MIN_TIMED_PASSES = 3;
const MIN_TIMED_MS = 4000;
const FETCHED_AT = new Date().toISOString();
const round = (value: number, digits: number): number => Number(value.toFixed(digits));

interface LabelledPage {
  readonly id: string;
  readonly url: string;
  readonly html: string;
  readonly trueBody: string;
}

/** F1 of each stored peer output in DIR/peers, on the same pages and metric. */
function storedPeerScores(dataDir: string, pages: readonly LabelledPage[]): Record<string, number> {
  const peersDir = path.join(dataDir, 'peers');
  if (!existsSync(peersDir)) return {};
  const scores: Record<string, number> = {};
  for (const file of readdirSync(peersDir).filter((name) => name.endsWith('.json')).sort()) {
    const stored = JSON.parse(readFileSync(path.join(peersDir, file), 'utf8')) as { output?: Record<string, { articleBody?: string }> };
    const counts = pages.map((page) => comparePage(page.trueBody, stored.output?.[page.id]?.articleBody ?? ''));
    scores[file.replace(/\.json$/, '')] = round(scorePages(counts).f1, 4);
  }
  return scores;
}

function loadPages(dataDir: string): LabelledPage[] {
  const truth = JSON.parse(readFileSync(path.join(dataDir, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody?: string; url?: string }
  >;
  return Object.entries(truth)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, label]) => ({
      id,
      url: label.url ?? `file://${id}.html`,
      html: gunzipSync(readFileSync(path.join(dataDir, 'html', `${id}.html.gz`))).toString('utf8'),
      trueBody: label.articleBody ?? '',
    }));
}

function rawDocument(page: LabelledPage): RawDocumentV1 {
  return {
    schemaVersion: 1,
    articleId: sha256Hex(page.id).slice(0, 32),
    source: { id: 'bench', kind: 'file-drop', uri: page.url },
    documentUri: page.url,
    fetchedAt: FETCHED_AT,
    format: 'html',
    charset: 'utf-8',
    body: page.html,
    contentHash: sha256Hex(page.html),
    feedItem: null,
  };
}

const normalizer: Extractor<LabelledPage> = {
  name: 'wirestream-normalize',
  extract: (page) => {
    try {
      return normalizeDocument(rawDocument(page)).body;
    } catch (error) {
      // A page the normalizer turns away scores as an empty extraction; anything else is a bug.
      if (error instanceof UnprocessableDocumentError) return '';
      throw error;
    }
  },
};

/** linkedom ships CommonJS beside its ES module, but its typings only describe the latter. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseHTML } = require('linkedom') as { parseHTML: (html: string) => { document: unknown } };
type ReadabilityDocument = ConstructorParameters<typeof Readability>[0];

const readability: Extractor<LabelledPage> = {
  name: 'readability.js',
  extract: (page) => {
    const { document } = parseHTML(page.html);
    return new Readability(document as ReadabilityDocument).parse()?.textContent ?? '';
  },
};

interface Run {
  readonly score: ExtractionScore;
  readonly counts: PageCounts[];
  readonly docsPerSec: number;
}

function timePass(pages: readonly LabelledPage[], extractor: Extractor<LabelledPage>): number {
  const started = process.hrtime.bigint();
  for (const page of pages) extractor.extract(page);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

function run(pages: readonly LabelledPage[], extractors: readonly Extractor<LabelledPage>[]): Run[] {
  // The scored pass doubles as the warm-up.
  const counts = extractors.map((extractor) => pages.map((page) => comparePage(page.trueBody, extractor.extract(page))));
  const best = extractors.map(() => Number.POSITIVE_INFINITY);
  const started = Date.now();
  for (let pass = 0; pass < MIN_TIMED_PASSES || Date.now() - started < MIN_TIMED_MS; pass++) {
    extractors.forEach((extractor, index) => {
      best[index] = Math.min(best[index] ?? Number.POSITIVE_INFINITY, timePass(pages, extractor));
    });
  }
  return extractors.map((_, index) => ({
    score: scorePages(counts[index] ?? []),
    counts: counts[index] ?? [],
    docsPerSec: pages.length / (best[index] ?? Number.POSITIVE_INFINITY),
  }));
}

const pageF1 = (counts: PageCounts): number => (counts.tp === 0 ? 0 : (2 * counts.tp) / (2 * counts.tp + counts.fp + counts.fn));

function main(): void {
  const { values } = commandLine({ args: process.argv.slice(2), options: { data: { type: 'string' }, folds: { type: 'string' }, json: { type: 'boolean' }, save: { type: 'boolean' }, 'per-page': { type: 'boolean' } } }, USAGE);
  const dataDir = path.resolve(values.data ?? DEFAULT_DATA_DIR);
  const pages = loadPages(dataDir);
  if (pages.length === 0) throw new Error(`${dataDir}: no labelled pages`);
  const peerExtractor = tolerant(readability);
  const [ours, peer] = run(pages, [normalizer, peerExtractor]) as [Run, Run];
  const storedPeers = storedPeerScores(dataDir, pages);
  const foldCount = values.folds === undefined ? 0 : Number.parseInt(values.folds, 10);
  if (values.folds !== undefined && !(foldCount >= 2 && foldCount <= pages.length)) throw new Error(`--folds must be 2..${pages.length}\n${USAGE}`);
  const folds = Array.from({ length: foldCount }, (_, fold) => round(scorePages(ours.counts.filter((_, index) => index % foldCount === fold)).f1, 4));

  if (values['per-page']) {
    pages.forEach((page, index) => {
      const mine = ours.counts[index]!;
      const theirs = peer.counts[index]!;
      console.log(
        `${page.id.slice(0, 12)}  ours F1 ${pageF1(mine).toFixed(3)} (fp ${mine.fp.toFixed(2)} fn ${mine.fn.toFixed(2)})  ` +
          `${readability.name} ${pageF1(theirs).toFixed(3)}  ${page.url}`,
      );
    });
  }
  const summary = {
    f1: round(ours.score.f1, 4),
    precision: round(ours.score.precision, 4),
    recall: round(ours.score.recall, 4),
    docsPerSec: round(ours.docsPerSec, 1),
    pages: pages.length,
    peer: {
      name: readability.name,
      f1: round(peer.score.f1, 4),
      precision: round(peer.score.precision, 4),
      recall: round(peer.score.recall, 4),
      docsPerSec: round(peer.docsPerSec, 1),
      failedPages: peerExtractor.failedPages.size,
    },
    storedPeers,
    ...(foldCount > 0 ? { folds } : {}),
  };
  if (!values.json) {
    console.log(`data: ${dataDir} (${pages.length} pages)`);
    for (const [name, result] of [[normalizer.name, ours], [readability.name, peer]] as const) {
      const { f1, precision, recall } = result.score;
      console.log(
        `${name.padEnd(22)} F1 ${f1.toFixed(3)}  precision ${precision.toFixed(3)}  recall ${recall.toFixed(3)}  ${result.docsPerSec.toFixed(1)} pages/s`,
      );
    }
    if (foldCount > 0) console.log(`${normalizer.name} F1 on ${foldCount} folds: ${folds.map((f1) => f1.toFixed(4)).join(' ')}`);
    console.log(`${readability.name} threw on ${peerExtractor.failedPages.size} page(s), scored as empty`);
    for (const [name, f1] of Object.entries(storedPeers)) console.log(`stored output ${name.padEnd(16)} F1 ${f1.toFixed(3)}`);
  }
  reportBenchResult('bench:normalize', summary, { save: values.save === true, argv: process.argv.slice(2) });
}

main();
