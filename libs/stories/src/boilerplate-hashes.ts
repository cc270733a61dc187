/**
 * A sketch hash carried by stored articles of more stories than this is boilerplate (a copyright
 * line, an agency's sign-off), not a sign of copying: syndicated copies of one text share their
 * hashes but also their story. Such hashes are left out of the sketch lookup, which they would
 * otherwise fill with unrelated rows, up to its limit, crowding out the real copies.
 */
export const COMMON_HASH_STORIES = 20;
/** Boilerplate hashes remembered, at most; the set starts over when full. */
export const COMMON_HASHES_REMEMBERED = 100_000;

/** A stored article found by a sketch lookup, as far as boilerplate learning needs it. */
export interface SketchRow {
  articleId: string;
  /** Null for a stored article whose story was deleted: it counts as a story of its own. */
  storyId: string | null;
  sketch: number[];
}

/** Sketch hashes learnt to be boilerplate from the rows that lookups bring back. */
export class BoilerplateHashes {
  private readonly hashes = new Set<number>();

  constructor(
    private readonly storiesPerHash = COMMON_HASH_STORIES,
    private readonly remembered = COMMON_HASHES_REMEMBERED,
  ) {}

  has(hash: number): boolean {
    return this.hashes.has(hash);
  }

  /** Remembers the hashes among `asked` carried by rows of too many stories; says whether it learnt any. */
  learn(rows: readonly SketchRow[], asked: ReadonlySet<number>): boolean {
    const storiesByHash = new Map<number, Set<string>>();
    for (const row of rows) {
      for (const hash of row.sketch) {
        if (!asked.has(hash)) continue;
        let stories = storiesByHash.get(hash);
        if (!stories) storiesByHash.set(hash, (stories = new Set()));
        stories.add(row.storyId === null ? `article:${row.articleId}` : row.storyId);
      }
    }
    let learnt = false;
    for (const [hash, stories] of storiesByHash) {
      if (stories.size <= this.storiesPerHash) continue;
      if (this.hashes.size >= this.remembered) this.hashes.clear();
      this.hashes.add(hash);
      learnt = true;
    }
    return learnt;
  }
}
