import { salientEntities } from './salient-entities';
import { chooseStory, entityOverlap, type StoryCandidate } from './story-rule';
import { hammingDistance, simhashDistance, storedSignature } from './story-signature';

describe('signatures', () => {
  it("reads the normalizer's hex SimHash as the signed 64-bit value Postgres stores, keeping the sketch", () => {
    expect(storedSignature({ simhash: 'ffffffffffffffff', sketch: [-5, 3] })).toEqual({ simhash: -1n, sketch: [-5, 3] });
    expect(storedSignature({ simhash: '0000000000000005', sketch: [] })?.simhash).toBe(5n);
    expect(storedSignature(undefined)).toBeNull();
  });

  it('counts the differing bits of signed 64-bit values', () => {
    expect(hammingDistance(-1n, 0n)).toBe(64);
    expect(hammingDistance(5n, 4n)).toBe(1);
    expect(hammingDistance(-(2n ** 63n), 0n)).toBe(1);
    expect(hammingDistance(0xffff_ffffn, 0n)).toBe(32);
    expect(hammingDistance(0xf0f0_0000_0000_000fn, 0x0f0f_0000_0000_0001n)).toBe(19);
  });

  it('compares the hex SimHashes messages carry as the stored values', () => {
    expect(simhashDistance('ffffffffffffffff', '0000000000000000')).toBe(64);
    expect(simhashDistance('8000000000000001', '0000000000000000')).toBe(2);
  });

  it('agrees with counting bit by bit on random pairs', () => {
    let state = 7n;
    const next = () => (state = (state * 6364136223846793005n + 1442695040888963407n) & (2n ** 64n - 1n));
    for (let trial = 0; trial < 200; trial++) {
      const [a, b] = [BigInt.asIntN(64, next()), BigInt.asIntN(64, next())];
      const bits = BigInt.asUintN(64, a ^ b).toString(2).split('').filter((bit) => bit === '1').length;
      expect(hammingDistance(a, b)).toBe(bits);
    }
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
  const base = -0x3a5c_1e2f_7b6d_4c21n;
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
