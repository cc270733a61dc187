import { chooseStory, entityOverlap, type StoryCandidate } from './story-rule';

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
