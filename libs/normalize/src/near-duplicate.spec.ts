import { nearDuplicateSignature, SKETCH_SIZE } from './near-duplicate';

/** Differing bits of two hex SimHashes, counted here: comparing is @wirestream/stories', which this lib does not depend on. */
const simhashDistance = (a: string, b: string): number => [...(BigInt(`0x${a}`) ^ BigInt(`0x${b}`)).toString(2)].filter((bit) => bit === '1').length;

const STORY =
  'SEOUL, March 3 (Yonhap) -- South Korea and Japan agreed on Monday to resume regular talks between their finance ministers, ' +
  'the first such meeting in seven years, officials said. The ministers will meet in Tokyo next month to discuss supply chains, ' +
  'currency swaps and cooperation on semiconductors, according to a joint statement released after a telephone call. ' +
  '"We have turned a page," the South Korean minister told reporters, adding that both sides wanted predictable rules for business.';
const OTHER =
  'NAIROBI, May 12 (Reuters) -- Kenya opened a geothermal-powered data centre near Lake Naivasha on Tuesday, betting that cheap ' +
  'renewable power from the Rift Valley will draw cloud providers to East Africa. The facility can host several thousand servers ' +
  'and is cooled with outside air for most of the year, its operator said, while engineers plan a second hall by next spring.';

describe('nearDuplicateSignature', () => {
  it('gives copies of one story nearly the same SimHash, and different stories very different ones', () => {
    const copy = `${STORY.replace('SEOUL, March 3 (Yonhap) -- ', '')} (end) AB/CD`;
    const same = simhashDistance(nearDuplicateSignature(STORY).simhash, nearDuplicateSignature(copy).simhash);
    const different = simhashDistance(nearDuplicateSignature(STORY).simhash, nearDuplicateSignature(OTHER).simhash);
    expect(same).toBeLessThanOrEqual(12);
    expect(different).toBeGreaterThanOrEqual(22);
  });

  it('is 16 hex digits and a sorted bottom-k sketch of signed 32-bit hashes', () => {
    const { simhash, sketch } = nearDuplicateSignature(STORY);
    expect(simhash).toMatch(/^[0-9a-f]{16}$/);
    expect(sketch).toHaveLength(SKETCH_SIZE);
    expect([...sketch].sort((a, b) => a - b)).toEqual(sketch);
    sketch.forEach((hash) => expect(hash).toBe(hash | 0));
  });

  it('shares most of the sketch between copies and little between different stories', () => {
    const overlap = (a: number[], b: number[]) => a.filter((hash) => b.includes(hash)).length;
    const story = nearDuplicateSignature(STORY).sketch;
    expect(overlap(story, nearDuplicateSignature(`${STORY} (end)`).sketch)).toBeGreaterThanOrEqual(SKETCH_SIZE - 2);
    expect(overlap(story, nearDuplicateSignature(OTHER).sketch)).toBeLessThanOrEqual(1);
  });

  it('signs short and empty bodies without failing', () => {
    expect(nearDuplicateSignature('Two words').sketch).toHaveLength(1);
    expect(nearDuplicateSignature('')).toEqual({ simhash: '0000000000000000', sketch: [] });
  });

  it('gives the same signature as always for the same body (stored signatures must keep matching)', () => {
    const opening = STORY.slice(0, STORY.indexOf(', officials said.') + ', officials said.'.length);
    expect(nearDuplicateSignature(opening)).toEqual({
      simhash: '22f321991421f116',
      sketch: [18457911, 213491579, 245620025, 384714994, 528473352, 958689797, 1047631275, 1506582927],
    });
    expect(nearDuplicateSignature('Two words')).toEqual({ simhash: '1c0856b610e9af7b', sketch: [283750267] });
  });
});
