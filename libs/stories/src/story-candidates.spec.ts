import { BoilerplateHashes } from './boilerplate-hashes';
import { CandidatesBySubject, nearDuplicatePairs, type SketchNeighbour } from './story-candidates';

describe('nearDuplicatePairs', () => {
  const simhash = 0x0f0f_0f0f_0f0f_0f0fn;
  const neighbour = (articleId: string, sketch: number[], bits: bigint | null): SketchNeighbour => ({
    articleId,
    storyId: '1',
    simhash: bits === null ? null : simhash ^ bits,
    publishedAt: null,
    salientEntities: [],
    sketch,
  });

  it('pairs a neighbour sharing a sketch hash only when its SimHash is close enough', () => {
    const subjects = [{ articleId: 's', simhash, sketch: [1, 2] }];
    const pairs = nearDuplicatePairs(subjects, [neighbour('near', [2], 0b11n), neighbour('far', [1], 0xffffn), neighbour('other', [3], 0n)], new BoilerplateHashes(), 10);
    expect(pairs.map((pair) => pair.neighbour.articleId)).toEqual(['near']);
  });

  it('pairs nothing through a boilerplate hash, nor a neighbour without a SimHash', () => {
    const boilerplate = new BoilerplateHashes(0);
    boilerplate.learn([{ articleId: 'x', storyId: '1', sketch: [1] }], new Set([1]));
    const subjects = [{ articleId: 's', simhash, sketch: [1, 2] }];
    expect(nearDuplicatePairs(subjects, [neighbour('boiler', [1], 0n), neighbour('unsigned', [2], null)], boilerplate, 10)).toEqual([]);
  });
});

describe('CandidatesBySubject', () => {
  const stored = (articleId: string, storyId: string | null) => ({ articleId, storyId, simhash: null, publishedAt: null, salientEntities: [] });

  it('keeps each stored article once per subject, one object shared between subjects, and skips storyless rows and the subject itself', () => {
    const candidates = new CandidatesBySubject();
    candidates.add('s', stored('a', '1'));
    candidates.add('s', stored('a', '1'));
    candidates.add('t', stored('a', '1'));
    candidates.add('s', stored('orphan', null));
    candidates.add('s', stored('s', '2'));
    const bySubject = candidates.toMap();
    expect(bySubject.get('s')?.map((candidate) => candidate.articleId)).toEqual(['a']);
    expect(bySubject.get('t')?.[0]).toBe(bySubject.get('s')?.[0]);
  });
});
