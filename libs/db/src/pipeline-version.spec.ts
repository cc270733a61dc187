import { compareVersionRanks, semverParts, versionRank } from './pipeline-version';

describe('pipeline version rank', () => {
  it('takes the first dotted number of each version', () => {
    expect(versionRank('0.1.0', 'rules-0.2.1')).toEqual([0, 1, 0, 0, 2, 1]);
    expect(semverParts('test-1')).toEqual([1, 0, 0]);
    expect(semverParts('unversioned')).toEqual([0, 0, 0]);
  });

  it('ranks an extractor version with its model hash and quote rules by the NER semver alone', () => {
    expect(versionRank('0.1.0', 'ner-1.1.0+0a1b2c3d.quotes-3')).toEqual([0, 1, 0, 1, 1, 0]);
    expect(compareVersionRanks(versionRank('0.1.0', 'ner-1.1.0+12345678.quotes-3'), versionRank('0.1.0', 'ner-1.1.0+0a1b2c3d.quotes-4'))).toBe(0);
    expect(compareVersionRanks(versionRank('0.1.0', 'ner-1.1.0+99999999.quotes-9'), versionRank('0.1.0', 'ner-1.2.0+0a1b2c3d.quotes-3'))).toBe(-1);
  });

  it('orders the normalizer first, then the extractor, numerically', () => {
    expect(compareVersionRanks(versionRank('0.10.0', 'rules-0.1.0'), versionRank('0.9.9', 'rules-9.0.0'))).toBe(1);
    expect(compareVersionRanks(versionRank('0.1.0', 'rules-0.1.0'), versionRank('0.1.0', 'rules-0.1.1'))).toBe(-1);
    expect(compareVersionRanks(versionRank('1.0.0', 'x-1'), versionRank('1.0.0', 'y-1.0.0'))).toBe(0);
  });
});
