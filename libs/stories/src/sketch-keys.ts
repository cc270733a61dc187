/**
 * Sketch hashes as the store indexes them: each hash tagged with the period of its article's date
 * (and of its fetch, when that falls in another period), so a near-duplicate lookup reads the
 * entries of the few periods that can hold a copy, however many years the archive spans. Untagged,
 * every lookup walked an index that grew with the whole archive.
 *
 * A key is `period × 2³² + hash` (the hash as unsigned 32 bits): a bigint in Postgres, and exact as
 * a JavaScript number for any date within ±50,000 years.
 */
export const SKETCH_PERIOD_DAYS = 60;

const PERIOD_MS = SKETCH_PERIOD_DAYS * 86_400_000;
const DAY_MS = 86_400_000;
const HASH_SPAN = 2 ** 32;

/** When an article was published (null when its copy carries no date) and when it was fetched. */
export interface SketchDates {
  publishedAt: Date | null;
  fetchedAt: Date;
}

/** The sketch period an instant falls in: whole SKETCH_PERIOD_DAYS since the Unix epoch. */
export function sketchPeriod(at: Date): number {
  return Math.floor(at.getTime() / PERIOD_MS);
}

/** The index key of one sketch hash (signed 32-bit) in one period. */
export function sketchKey(period: number, hash: number): number {
  return period * HASH_SPAN + (hash >>> 0);
}

/**
 * The keys an article is stored under: each hash in the period of its published date and in that
 * of its fetch (the same one for copy read as it moved; two for an archive read years later).
 */
export function storedSketchKeys(sketch: readonly number[], dates: SketchDates): number[] {
  const periods = new Set([sketchPeriod(dates.fetchedAt)]);
  if (dates.publishedAt) periods.add(sketchPeriod(dates.publishedAt));
  return [...periods].flatMap((period) => sketch.map((hash) => sketchKey(period, hash)));
}

/**
 * The keys to look up for an article, each with the hash it stands for: its hashes in every period
 * within `windowDays` of its published date (a dated copy further away is not a near-duplicate,
 * see StoryRule.nearDuplicateMaxDays) and of its fetch (an undated copy is looked for among the
 * articles read about when it was: copies move within days of each other, and an archive read
 * years later is read in one go).
 */
export function sketchLookupKeys(sketch: readonly number[], dates: SketchDates, windowDays: number): Map<number, number> {
  const periods = new Set<number>();
  const window = windowDays * DAY_MS;
  for (const at of dates.publishedAt ? [dates.publishedAt, dates.fetchedAt] : [dates.fetchedAt]) {
    const last = sketchPeriod(new Date(at.getTime() + window));
    for (let period = sketchPeriod(new Date(at.getTime() - window)); period <= last; period++) periods.add(period);
  }
  const keys = new Map<number, number>();
  for (const period of periods) for (const hash of sketch) keys.set(sketchKey(period, hash), hash);
  return keys;
}
