import { compareVersionRanks, semverParts, versionRank } from '../pipeline-version';
import { chooseStory, DEFAULT_STORY_RULE, entityOverlap, type StoryCandidate } from './story-rule';
import { bodySignature, hammingDistance, salientEntities, shingles } from './story-signature';

/** A deterministic text of `count` words from a small vocabulary, different for each seed. */
function prose(seed: number, count: number): string {
  const vocabulary = ['minister', 'said', 'talks', 'border', 'trade', 'market', 'rates', 'vote', 'court', 'troops', 'harbour', 'grain', 'police', 'storm', 'bank', 'oil', 'summit', 'treaty', 'election', 'budget', 'river', 'airport', 'strike', 'union'];
  let state = seed * 2654435761;
  const words: string[] = [];
  for (let index = 0; index < count; index++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    words.push(vocabulary[state % vocabulary.length]);
    if (index % 12 === 11) words.push('.\n');
  }
  return words.join(' ');
}

const original = prose(1, 320);

describe('body signature', () => {
  it('is identical for the same text and ignores case and punctuation', () => {
    expect(bodySignature(original)).toEqual(bodySignature(original.toUpperCase().replace(/\./g, ';')));
  });

  it('moves a few bits for a copy with another header and trailer', () => {
    const copy = `SEOUL, March 3 (Agency) -- ${original}\n\n(Reporting by A. Writer; editing by B. Editor)`;
    const distance = hammingDistance(bodySignature(original).simhash, bodySignature(copy).simhash);
    expect(distance).toBeLessThanOrEqual(DEFAULT_STORY_RULE.maxHammingDistance);
  });

  it('keeps shared shingles in the sketch of a copy, so the index finds it', () => {
    const copy = `${original}\n\nThis story was edited.`;
    const shared = bodySignature(original).sketch.filter((hash) => bodySignature(copy).sketch.includes(hash));
    expect(shared.length).toBeGreaterThanOrEqual(6);
  });

  it('puts unrelated texts about half the bits apart', () => {
    const distances = [2, 3, 4, 5, 6].map((seed) => hammingDistance(bodySignature(original).simhash, bodySignature(prose(seed, 320)).simhash));
    distances.forEach((distance) => expect(distance).toBeGreaterThan(DEFAULT_STORY_RULE.maxHammingDistance * 1.5));
  });

  it('counts the differing bits of signed 64-bit values', () => {
    expect(hammingDistance(-1n, 0n)).toBe(64);
    expect(hammingDistance(5n, 4n)).toBe(1);
  });

  it('shingles short texts as one shingle', () => {
    expect(shingles('Two words')).toEqual(['two words']);
    expect(shingles('')).toEqual([]);
  });
});

describe('salient entities', () => {
  const entity = (key: string, type: string, starts: number[]) => ({ key, type, mentions: starts.map((start) => ({ start })) });

  it('keeps people, organisations and places named twice or in the lede, most mentioned first, and drops MISC', () => {
    const keys = salientEntities([
      entity('GPE:seoul', 'GPE', [900]),
      entity('PERSON:antony blinken', 'PERSON', [10, 500, 700]),
      entity('MISC:korean', 'MISC', [20, 30, 40]),
      entity('ORG:un', 'ORG', [50]),
      entity('GPE:france', 'GPE', [1200, 1300]),
    ]);
    expect(keys).toEqual(['PERSON:antony blinken', 'GPE:france', 'ORG:un']);
  });
});

describe('chooseStory', () => {
  const base = bodySignature(original).simhash;
  const flipped = (bits: number) => base ^ ((1n << BigInt(bits)) - 1n);
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const entities = ['PERSON:a', 'GPE:b', 'GPE:c', 'ORG:d', 'GPE:e'];
  const candidate = (over: Partial<StoryCandidate>): StoryCandidate => ({ articleId: 'x', storyId: '1', simhash: flipped(32), publishedAt: day('2025-01-06'), salientEntities: [], ...over });

  it('joins a near-duplicate even when the copy carries no date', () => {
    const match = chooseStory({ simhash: base, publishedAt: null, salientEntities: [] }, [candidate({ simhash: flipped(6) })]);
    expect(match).toMatchObject({ storyId: '1', reason: 'near-duplicate', distance: 6 });
  });

  it('prefers the nearest near-duplicate', () => {
    const match = chooseStory({ simhash: base, publishedAt: null, salientEntities: [] }, [
      candidate({ storyId: '1', simhash: flipped(9) }),
      candidate({ storyId: '2', simhash: flipped(2) }),
    ]);
    expect(match?.storyId).toBe('2');
  });

  it('keeps dated near-duplicates months apart in separate stories', () => {
    expect(chooseStory({ simhash: base, publishedAt: day('2025-06-01'), salientEntities: [] }, [candidate({ simhash: flipped(1) })])).toBeNull();
  });

  it('joins another account of the event: shared entities, dated within the window', () => {
    const match = chooseStory({ simhash: base, publishedAt: day('2025-01-07'), salientEntities: entities.slice(0, 4) }, [candidate({ salientEntities: entities })]);
    expect(match).toMatchObject({ reason: 'same-event', sharedEntities: 4, overlap: 1 });
  });

  it('keeps the same people in another week apart', () => {
    expect(chooseStory({ simhash: base, publishedAt: day('2025-01-20'), salientEntities: entities }, [candidate({ salientEntities: entities })])).toBeNull();
  });

  it('never groups by entities when a date is missing, whatever the fetch time', () => {
    expect(chooseStory({ simhash: base, publishedAt: null, salientEntities: entities }, [candidate({ salientEntities: entities })])).toBeNull();
  });

  it('needs enough shared entities, not just one famous name', () => {
    const subject = { simhash: base, publishedAt: day('2025-01-06'), salientEntities: ['PERSON:a', 'GPE:x', 'GPE:y', 'ORG:z'] };
    expect(chooseStory(subject, [candidate({ salientEntities: entities })])).toBeNull();
    expect(entityOverlap(subject.salientEntities, entities)).toEqual({ shared: 1, overlap: 0.25 });
  });
});

describe('pipeline version rank', () => {
  it('takes the first dotted number of each version', () => {
    expect(versionRank('0.1.0', 'rules-0.2.1')).toEqual([0, 1, 0, 0, 2, 1]);
    expect(semverParts('test-1')).toEqual([1, 0, 0]);
    expect(semverParts('unversioned')).toEqual([0, 0, 0]);
  });

  it('orders the normalizer first, then the extractor, numerically', () => {
    expect(compareVersionRanks(versionRank('0.10.0', 'rules-0.1.0'), versionRank('0.9.9', 'rules-9.0.0'))).toBe(1);
    expect(compareVersionRanks(versionRank('0.1.0', 'rules-0.1.0'), versionRank('0.1.0', 'rules-0.1.1'))).toBe(-1);
    expect(compareVersionRanks(versionRank('1.0.0', 'x-1'), versionRank('1.0.0', 'y-1.0.0'))).toBe(0);
  });
});
