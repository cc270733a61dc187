/**
 * The PolNeAR quote metric (../shared/data/polnear's README): a predicted quote matches a gold
 * quote when their spans overlap by at least half of the shorter, counting characters other than
 * quotation marks and whitespace; precision is the share of predicted quotes that match a gold
 * quote, recall the share of gold quotes matched by a prediction (so two predicted stretches of
 * one gold content, “A,” she said, “B.”, both count as right). Speaker accuracy is over matched
 * gold quotes whose source is a name: right when the predicted speaker's last name is a token of
 * the source. Pronoun and description sources ("he", "the spokeswoman") count as resolved when
 * the prediction names a speaker for them.
 */

import type { Fragments, GoldQuote } from './polnear';

export interface PredictedQuote {
  readonly start: number;
  readonly end: number;
  readonly speakerName: string | null;
  /** How the speaker was found, when the extractor says (for `--errors`). */
  readonly how?: string;
}

export type SourceKind = 'name' | 'pronoun' | 'description' | 'none';

export interface ArticleCounts {
  predicted: number;
  predictedMatched: number;
  gold: number;
  goldMatched: number;
  namedSources: number;
  speakersRight: number;
  pronounSources: number;
  pronounsResolved: number;
}

const IGNORED = /[\s“”"«»„‘’'`]/;
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'him', 'her', 'them', 'us', 'who', 'which', 'that', 'this', 'these', 'those']);
/** Capitalised words that do not make a source a name. */
const NOT_NAMES = new Set([...PRONOUNS, 'the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'some', 'many', 'one', 'both', 'others', 'other', 'most', 'several', 'another', 'all', 'few', 'no', 'none']);

/** Offsets of the characters a span counts (no quotation marks, apostrophes or whitespace). */
function counted(text: string, fragments: Fragments): Set<number> {
  const out = new Set<number>();
  for (const [s, e] of fragments) for (let i = s; i < e; i++) if (!IGNORED.test(text.charAt(i))) out.add(i);
  return out;
}

export function overlaps(text: string, a: Fragments, b: Fragments): number {
  const ca = counted(text, a);
  const cb = counted(text, b);
  const shorter = Math.min(ca.size, cb.size);
  if (shorter === 0) return 0;
  let shared = 0;
  for (const i of ca) if (cb.has(i)) shared++;
  return shared >= shorter / 2 ? shared : 0;
}

function tokens(text: string): string[] {
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}.-]*/gu) ?? []).map((t) => t.replace(/\.$/, ''));
}

export function sourceKind(source: string | null): SourceKind {
  if (source === null || source.trim() === '') return 'none';
  const words = tokens(source);
  if (words.some((w) => /^\p{Lu}/u.test(w) && !NOT_NAMES.has(w.toLowerCase()))) return 'name';
  if (words.length === 1 && PRONOUNS.has((words[0] as string).toLowerCase())) return 'pronoun';
  return 'description';
}

/** The predicted speaker's last name (a generational suffix aside) is one of the source's tokens (case and possessives aside). */
export function speakerMatches(speakerName: string | null, source: string): boolean {
  if (speakerName === null) return false;
  const words = tokens(speakerName.replace(/[’']s\b/g, '')).filter((t) => !/^(?:jr|sr|ii|iii|iv)$/i.test(t));
  const last = words.pop()?.toLowerCase();
  if (!last) return false;
  return tokens(source.replace(/[’']s\b/g, '')).some((t) => t.toLowerCase() === last);
}

export function scoreArticle(text: string, gold: readonly GoldQuote[], predicted: readonly PredictedQuote[]): ArticleCounts {
  const spans = predicted.map((p): Fragments => [[p.start, p.end]]);
  const counts: ArticleCounts = { predicted: predicted.length, predictedMatched: 0, gold: gold.length, goldMatched: 0, namedSources: 0, speakersRight: 0, pronounSources: 0, pronounsResolved: 0 };
  const matchedPredictions = new Set<number>();
  for (const g of gold) {
    let best = -1;
    let bestOverlap = 0;
    spans.forEach((span, index) => {
      const shared = overlaps(text, g.content, span);
      if (shared > 0) matchedPredictions.add(index);
      if (shared > bestOverlap) {
        bestOverlap = shared;
        best = index;
      }
    });
    if (best < 0) continue;
    counts.goldMatched++;
    const speaker = (predicted[best] as PredictedQuote).speakerName;
    const kind = sourceKind(g.source);
    if (kind === 'name') {
      counts.namedSources++;
      if (speakerMatches(speaker, g.source as string)) counts.speakersRight++;
    } else if (kind === 'pronoun' || kind === 'description') {
      counts.pronounSources++;
      if (speaker !== null) counts.pronounsResolved++;
    }
  }
  counts.predictedMatched = matchedPredictions.size;
  return counts;
}

export interface QuoteScore {
  readonly quoteP: number;
  readonly quoteR: number;
  readonly quoteF1: number;
  readonly speakerAccuracy: number;
  readonly pronounSourcesResolved: number;
  readonly totals: ArticleCounts;
}

export function totalScore(articles: readonly ArticleCounts[]): QuoteScore {
  const totals: ArticleCounts = { predicted: 0, predictedMatched: 0, gold: 0, goldMatched: 0, namedSources: 0, speakersRight: 0, pronounSources: 0, pronounsResolved: 0 };
  for (const a of articles) for (const key of Object.keys(totals) as (keyof ArticleCounts)[]) totals[key] += a[key];
  const ratio = (n: number, d: number): number => (d === 0 ? 0 : n / d);
  const quoteP = ratio(totals.predictedMatched, totals.predicted);
  const quoteR = ratio(totals.goldMatched, totals.gold);
  return {
    quoteP,
    quoteR,
    quoteF1: ratio(2 * quoteP * quoteR, quoteP + quoteR),
    speakerAccuracy: ratio(totals.speakersRight, totals.namedSources),
    pronounSourcesResolved: ratio(totals.pronounsResolved, totals.pronounSources),
    totals,
  };
}
