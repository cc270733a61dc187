import { round } from './route-latency';

/** A point of the write curve as lastToFirst reads it. */
export interface CurvePoint {
  articles: number;
  /** Null for a segment nothing was written in (a resumed archive's points). */
  writeArticlesPerSec: number | null;
  referenceArticlesPerSec: number | null;
}

/**
 * The last segment against the first: the write rates', the reference writes' (the machine's speed
 * then), and the write rate's share of the reference in the last segment against the first (the
 * archive's growth, with the machine's drift taken out). Null with fewer than two written segments.
 */
export function lastToFirst(points: CurvePoint[]) {
  const written = points.filter((point) => point.writeArticlesPerSec !== null && point.referenceArticlesPerSec !== null);
  if (written.length < 2) return null;
  const first = written[0];
  const last = written[written.length - 1];
  const writeRate = last.writeArticlesPerSec! / first.writeArticlesPerSec!;
  const referenceRate = last.referenceArticlesPerSec! / first.referenceArticlesPerSec!;
  return {
    from: first.articles,
    to: last.articles,
    writeRate: round(writeRate, 3),
    referenceRate: round(referenceRate, 3),
    writeRateOverReference: round(writeRate / referenceRate, 3),
  };
}

