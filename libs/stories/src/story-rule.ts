import { hammingDistance } from './story-signature';

/**
 * When an article joins an existing story. Pure: the store gathers candidates from Postgres and
 * asks this module which one, if any, the article belongs with.
 *
 * 1. Near-duplicate: SimHash distance ≤ `maxHammingDistance` — a syndicated or lightly edited copy
 *    of one wire text. Dates are not needed (an undated copy of a dated story still joins it), but
 *    two dated texts further apart than `nearDuplicateMaxDays` stay apart (recurring boilerplate,
 *    such as a yearly holiday notice, is not one story).
 * 2. Same event told differently: both articles dated (published, not fetched), at most
 *    `sameEventMaxDays` apart, sharing at least `minSharedEntities` salient entities which make up
 *    at least `minEntityOverlap` of the smaller salient set.
 *
 * A missing published date never counts as "close": the fetch time says when we read the copy, not
 * when the event happened (an archive page dropped today is fourteen months old), so an undated
 * article joins a story only as a near-duplicate.
 */
export interface StoryRule {
  maxHammingDistance: number;
  nearDuplicateMaxDays: number;
  sameEventMaxDays: number;
  minSharedEntities: number;
  minEntityOverlap: number;
}

export const DEFAULT_STORY_RULE: StoryRule = {
  maxHammingDistance: 10,
  nearDuplicateMaxDays: 30,
  sameEventMaxDays: 3,
  minSharedEntities: 3,
  minEntityOverlap: 0.6,
};

export interface StorySubject {
  /** Null for an article whose message carried no near-duplicate signature: entities only. */
  simhash: bigint | null;
  publishedAt: Date | null;
  salientEntities: string[];
}

export interface StoryCandidate extends StorySubject {
  articleId: string;
  storyId: string;
}

export type StoryMatch =
  | { storyId: string; articleId: string; reason: 'near-duplicate'; distance: number }
  | { storyId: string; articleId: string; reason: 'same-event'; sharedEntities: number; overlap: number };

const DAY_MS = 86_400_000;

/** The best story for `subject` among `candidates`, or null when it starts a story of its own. */
export function chooseStory(subject: StorySubject, candidates: StoryCandidate[], rule: StoryRule = DEFAULT_STORY_RULE): StoryMatch | null {
  let best: StoryMatch | null = null;
  for (const candidate of candidates) {
    const days = daysApart(subject.publishedAt, candidate.publishedAt);
    const distance = subject.simhash === null || candidate.simhash === null ? Infinity : hammingDistance(subject.simhash, candidate.simhash);
    if (distance <= rule.maxHammingDistance && (days === null || days <= rule.nearDuplicateMaxDays)) {
      if (best?.reason !== 'near-duplicate' || distance < best.distance) {
        best = { storyId: candidate.storyId, articleId: candidate.articleId, reason: 'near-duplicate', distance };
      }
      continue;
    }
    if (best?.reason === 'near-duplicate' || days === null || days > rule.sameEventMaxDays) continue;
    const { shared, overlap } = entityOverlap(subject.salientEntities, candidate.salientEntities);
    if (shared >= rule.minSharedEntities && overlap >= rule.minEntityOverlap && (!best || overlap > best.overlap)) {
      best = { storyId: candidate.storyId, articleId: candidate.articleId, reason: 'same-event', sharedEntities: shared, overlap };
    }
  }
  return best;
}

/** Shared salient entities, and their share of the smaller set (overlap coefficient). */
export function entityOverlap(a: string[], b: string[]): { shared: number; overlap: number } {
  if (a.length === 0 || b.length === 0) return { shared: 0, overlap: 0 };
  const other = new Set(b);
  const shared = new Set(a.filter((key) => other.has(key))).size;
  return { shared, overlap: shared / Math.min(new Set(a).size, other.size) };
}

function daysApart(a: Date | null, b: Date | null): number | null {
  if (!a || !b) return null;
  return Math.abs(a.getTime() - b.getTime()) / DAY_MS;
}
