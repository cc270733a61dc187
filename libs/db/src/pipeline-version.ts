/**
 * A comparable rank of the pipeline that produced an article: the normalizer's version, then the
 * extractor's, each as [major, minor, patch] taken from the first dotted number in the version
 * string ('0.1.0', 'rules-0.2.1', 'test-1' → [1, 0, 0]). Postgres compares integer arrays element by
 * element, so `version_rank <= EXCLUDED.version_rank` lets a newer result replace an article and
 * keeps an older one from overwriting it. Pre-release and build suffixes are ignored.
 */
export function versionRank(normalizerVersion: string, extractorVersion: string): number[] {
  return [...semverParts(normalizerVersion), ...semverParts(extractorVersion)];
}

export function semverParts(version: string): [number, number, number] {
  const match = /(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(version);
  if (!match) return [0, 0, 0];
  return [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)].map((part) => Math.min(part, 2_147_483_647)) as [number, number, number];
}

/** Orders two ranks as Postgres orders integer arrays: -1, 0 or 1. */
export function compareVersionRanks(a: number[], b: number[]): number {
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    const difference = (a[index] ?? -1) - (b[index] ?? -1);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}
