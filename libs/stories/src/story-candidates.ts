import type { BoilerplateHashes } from './boilerplate-hashes';
import type { StoryCandidate } from './story-rule';
import { hammingDistance } from './story-signature';

/** A stored article that a lookup proposes for a story; its story may have been deleted (null). */
export interface StoredCandidate extends Omit<StoryCandidate, 'storyId'> {
  storyId: string | null;
}

/** A stored article found by a sketch lookup. */
export interface SketchNeighbour extends StoredCandidate {
  sketch: number[];
}

/** An article of the batch looking for a story, as the sketch lookup sees it. */
export interface SketchSubject {
  articleId: string;
  simhash: bigint | null;
  sketch: number[];
}

/**
 * The batch's articles each sketch neighbour is a near-duplicate of. A shared sketch hash only
 * proposes a near-duplicate: rows further than `maxHammingDistance` are dropped here (accounts of
 * the same event come from the entity lookup). Common phrases put one hash in many sketches, and
 * keeping every pairing cost most of a batch; boilerplate hashes pair nothing.
 */
export function nearDuplicatePairs(
  subjects: readonly SketchSubject[],
  neighbours: readonly SketchNeighbour[],
  boilerplate: BoilerplateHashes,
  maxHammingDistance: number,
): Array<{ subjectId: string; neighbour: SketchNeighbour }> {
  const subjectsByHash = new Map<number, SketchSubject[]>();
  for (const subject of subjects) {
    for (const hash of subject.sketch) {
      if (boilerplate.has(hash)) continue;
      const sharing = subjectsByHash.get(hash);
      if (sharing) sharing.push(subject);
      else subjectsByHash.set(hash, [subject]);
    }
  }
  const pairs: Array<{ subjectId: string; neighbour: SketchNeighbour }> = [];
  for (const neighbour of neighbours) {
    if (neighbour.simhash === null) continue;
    const sharing = new Set(neighbour.sketch.flatMap((hash) => subjectsByHash.get(hash) ?? []));
    for (const subject of sharing) {
      if (subject.simhash !== null && hammingDistance(subject.simhash, neighbour.simhash) <= maxHammingDistance) {
        pairs.push({ subjectId: subject.articleId, neighbour });
      }
    }
  }
  return pairs;
}

/** Candidates gathered per article of the batch from several lookups, each stored article once per article. */
export class CandidatesBySubject {
  private readonly bySubject = new Map<string, Map<string, StoryCandidate>>();
  /** One candidate object per stored article, however many of the batch's articles it may match. */
  private readonly candidates = new Map<string, StoryCandidate>();

  add(subjectId: string, stored: StoredCandidate): void {
    // The batch's own articles are compared in memory; a stored row without a story (its story
    // was deleted) cannot lend one.
    if (stored.storyId === null || stored.articleId === subjectId) return;
    let candidate = this.candidates.get(stored.articleId);
    if (!candidate) {
      const { articleId, storyId, simhash, publishedAt, salientEntities } = stored;
      this.candidates.set(articleId, (candidate = { articleId, storyId, simhash, publishedAt, salientEntities }));
    }
    let list = this.bySubject.get(subjectId);
    if (!list) this.bySubject.set(subjectId, (list = new Map()));
    list.set(stored.articleId, candidate);
  }

  toMap(): Map<string, StoryCandidate[]> {
    return new Map([...this.bySubject].map(([subjectId, candidates]) => [subjectId, [...candidates.values()]]));
  }
}
