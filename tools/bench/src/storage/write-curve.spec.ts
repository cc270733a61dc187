import { lastToFirst } from './write-curve';

describe('lastToFirst', () => {
  it('takes the machine drift the reference writes saw out of the write curve', () => {
    const curve = lastToFirst([
      { articles: 100_000, writeArticlesPerSec: 1000, referenceArticlesPerSec: 1500 },
      { articles: 250_000, writeArticlesPerSec: 980, referenceArticlesPerSec: 1480 },
      { articles: 1_000_000, writeArticlesPerSec: 800, referenceArticlesPerSec: 1350 },
    ]);
    expect(curve).toEqual({ from: 100_000, to: 1_000_000, writeRate: 0.8, referenceRate: 0.9, writeRateOverReference: 0.889 });
  });

  it('skips segments nothing was written in, and gives nothing for fewer than two', () => {
    const resumed = { articles: 100_000, writeArticlesPerSec: null, referenceArticlesPerSec: 1500 };
    expect(lastToFirst([resumed, { articles: 200_000, writeArticlesPerSec: 900, referenceArticlesPerSec: 1400 }])).toBeNull();
  });
});
