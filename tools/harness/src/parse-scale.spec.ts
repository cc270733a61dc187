import { parseScale } from './pipeline-launcher';

describe('parseScale', () => {
  it('reads one or several stage=count pairs', () => {
    expect(parseScale('extractor=2')).toEqual({ extractor: 2 });
    expect(parseScale('extractor=2,normalizer=3')).toEqual({ extractor: 2, normalizer: 3 });
  });

  it('adds to counts read from an earlier --scale', () => {
    expect(parseScale('storage=2', { extractor: 2 })).toEqual({ extractor: 2, storage: 2 });
  });

  it('refuses an unknown stage and a count that is not a positive integer', () => {
    expect(() => parseScale('ranker=2')).toThrow(/unknown stage "ranker"/);
    expect(() => parseScale('extractor=0')).toThrow(/positive integer/);
    expect(() => parseScale('extractor=two')).toThrow(/positive integer/);
  });
});
