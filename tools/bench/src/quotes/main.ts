/**
 * Quote finding and speaker attribution on PolNeAR, scored with its README's metric.
 *
 *   npm run bench:quotes -- [--data DIR] [--json] [--errors] [--peer corenlp] [--save]
 *
 * DIR is a PolNeAR split with `text/` and `attributions/` (default: ../shared/data/polnear/dev;
 * develop on `train`, look at `dev` last). Each article's text is the body given to
 * `extractArticle` (entities, then quotes over them). Speed is articles per second of that call,
 * the best of several timed passes after the scored one (the text output also gives the quote
 * stage alone). `--errors` prints each missed or
 * spurious quote and each wrong speaker. `--peer corenlp` runs Stanford CoreNLP's quote annotator
 * on the same texts (resolved with Maven by `corenlp-resolve.ts`) and scores it the same way.
 * The last line printed is one JSON object.
 */

import { extractArticle, extractEntities, extractQuotes } from '@wirestream/extract';
import { commandLine, reportBenchResult, SHARED_DIR } from '@wirestream/harness';
import * as path from 'node:path';
import { runCorenlpQuotes } from './corenlp-quotes';
import { loadPolnear, type PolnearArticle } from './polnear';
import { overlaps, scoreArticle, sourceKind, speakerMatches, totalScore, type PredictedQuote, type QuoteScore } from './quote-score';

const USAGE = 'usage: npm run bench:quotes -- [--data DIR] [--json] [--errors] [--peer corenlp] [--save]';
const DEFAULT_DATA_DIR = path.join(SHARED_DIR, 'data', 'polnear', 'dev');
const MIN_TIMED_PASSES = 3;
const MIN_TIMED_MS = 3000;

function predict(article: PolnearArticle): PredictedQuote[] {
  return extractArticle(article.text).quotes.map((q) => ({ start: q.start, end: q.end, speakerName: q.speakerName, how: q.speakerSource }));
}

/** Articles per second of `work` over all articles: the best of several passes. */
function docsPerSecond(articles: readonly PolnearArticle[], work: (article: PolnearArticle, index: number) => unknown): number {
  let best = Number.POSITIVE_INFINITY;
  const started = Date.now();
  for (let pass = 0; pass < MIN_TIMED_PASSES || Date.now() - started < MIN_TIMED_MS; pass++) {
    const t0 = process.hrtime.bigint();
    articles.forEach(work);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return articles.length / best;
}

function line(text: string, start: number, end: number): string {
  return text.slice(start, end).replace(/\s+/g, ' ').slice(0, 160);
}

/** Prints what the metric counted against a prediction set, article by article. */
function printErrors(articles: readonly PolnearArticle[], predictions: readonly PredictedQuote[][]): void {
  articles.forEach((article, index) => {
    const predicted = predictions[index] ?? [];
    const { text } = article;
    for (const g of article.quotes) {
      const first = g.content[0]?.[0] ?? 0;
      const last = g.content[g.content.length - 1]?.[1] ?? first;
      const hits = predicted.filter((p) => overlaps(text, g.content, [[p.start, p.end]]) > 0);
      if (hits.length === 0) console.log(`MISS  ${article.id}  «${line(text, first, last)}»  source=${g.source ?? '-'}`);
      else if (sourceKind(g.source) === 'name' && !hits.some((p) => speakerMatches(p.speakerName, g.source as string)))
        console.log(`WHO   ${article.id}  «${line(text, first, last)}»  gold=${g.source}  ours=${hits.map((p) => `${p.speakerName}/${p.how ?? ''}`).join('|')}  ctx=«${line(text, Math.max(0, first - 150), last + 60)}»`);
      else if ((sourceKind(g.source) === 'pronoun' || sourceKind(g.source) === 'description') && hits.every((p) => p.speakerName === null))
        console.log(`PRON  ${article.id}  «${line(text, first, last)}»  gold=${g.source}`);
    }
    for (const p of predicted) {
      if (!article.quotes.some((g) => overlaps(text, g.content, [[p.start, p.end]]) > 0)) {
        console.log(`EXTRA ${article.id}  «${line(text, p.start, p.end)}»  ours=${p.speakerName ?? '-'}  ctx=«${line(text, Math.max(0, p.start - 60), p.end + 40)}»`);
      }
    }
  });
}

const round = (value: number): number => Number(value.toFixed(4));

function summary(score: QuoteScore, docsPerSec: number): Record<string, number> {
  return {
    quoteP: round(score.quoteP),
    quoteR: round(score.quoteR),
    quoteF1: round(score.quoteF1),
    speakerAccuracy: round(score.speakerAccuracy),
    pronounSourcesResolved: round(score.pronounSourcesResolved),
    docsPerSec: Number(docsPerSec.toFixed(1)),
  };
}

function describe(name: string, score: QuoteScore, docsPerSec: number): string {
  const t = score.totals;
  return (
    `${name.padEnd(18)} quote F1 ${score.quoteF1.toFixed(3)} (P ${score.quoteP.toFixed(3)} ${t.predictedMatched}/${t.predicted}, R ${score.quoteR.toFixed(3)} ${t.goldMatched}/${t.gold})  ` +
    `speaker ${score.speakerAccuracy.toFixed(3)} (${t.speakersRight}/${t.namedSources})  pronouns resolved ${score.pronounSourcesResolved.toFixed(3)} (${t.pronounsResolved}/${t.pronounSources})  ` +
    `${docsPerSec.toFixed(1)} articles/s`
  );
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const cli = commandLine({ args, options: { data: { type: 'string' }, json: { type: 'boolean' }, errors: { type: 'boolean' }, peer: { type: 'string' }, save: { type: 'boolean' } } }, USAGE);
  const { values } = cli;
  if (values.peer !== undefined && values.peer !== 'corenlp') cli.fail(`--peer: only "corenlp" is known, got "${values.peer}"`);
  const dataDir = path.resolve(values.data ?? DEFAULT_DATA_DIR);
  const articles = loadPolnear(dataDir);
  if (articles.length === 0) cli.fail(`${dataDir}: no articles`);

  const predictions = articles.map(predict);
  const score = totalScore(articles.map((a, i) => scoreArticle(a.text, a.quotes, predictions[i] ?? [])));
  const speed = docsPerSecond(articles, (article) => extractArticle(article.text));
  const entities = articles.map((article) => extractEntities(article.text));
  const quoteStageSpeed = docsPerSecond(articles, (article, index) => extractQuotes(article.text, entities[index] ?? []));
  if (values.errors) printErrors(articles, predictions);
  const result: Record<string, unknown> = summary(score, speed);
  if (!values.json) {
    console.log(`data: ${dataDir} (${articles.length} articles, ${score.totals.gold} gold quotes)`);
    console.log(describe('wirestream', score, speed));
    console.log(`${''.padEnd(18)} (entities and quotes; the quote stage alone over given entities: ${quoteStageSpeed.toFixed(0)} articles/s)`);
  }
  if (values.peer === 'corenlp') {
    const peer = await runCorenlpQuotes(articles);
    const peerScore = totalScore(articles.map((a, i) => scoreArticle(a.text, a.quotes, peer.predictions[i] ?? [])));
    if (values.errors) printErrors(articles, peer.predictions);
    if (!values.json) console.log(describe(peer.name, peerScore, peer.docsPerSec));
    result['peer'] = { name: peer.name, ...summary(peerScore, peer.docsPerSec) };
  }
  reportBenchResult('bench:quotes', result, { save: values.save === true, argv: args });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
