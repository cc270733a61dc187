import { comparePage, scorePages, shingles, tokenize } from './shingle-score';

describe('shingle scoring', () => {
  it('tokenizes runs of Unicode word characters, punctuation and spaces apart', () => {
    expect(tokenize('Seoul’s mayor, 2025 — Ünal_x 서울')).toEqual(['Seoul', 's', 'mayor', '2025', 'Ünal_x', '서울']);
  });

  it('counts overlapping 4-token shingles, and one short shingle for a short text', () => {
    expect([...shingles('a b c d e').values()]).toEqual([1, 1]);
    expect(shingles('a b a b a b a').get(['a', 'b', 'a', 'b'].join('\u0001'))).toBe(2);
    expect([...shingles('only two').keys()]).toHaveLength(1);
    expect(shingles('').size).toBe(0);
  });

  it('divides a page’s TP, FP and FN by their sum', () => {
    // truth shingles: abcd bcde cdef; predicted: bcde cdef defg defg
    const counts = comparePage('a b c d e f', 'b c d e f g g');
    expect(counts.tp).toBeCloseTo(2 / 5);
    expect(counts.fp).toBeCloseTo(2 / 5);
    expect(counts.fn).toBeCloseTo(1 / 5);
  });

  it('averages precision and recall over pages and skips empty sides', () => {
    const perfect = comparePage('one two three four five', 'one two three four five');
    const missed = comparePage('one two three four five', '');
    const score = scorePages([perfect, missed]);
    expect(score.precision).toBe(1); // the empty prediction has no shingles: not in the precision mean
    expect(score.recall).toBe(0.5);
    expect(score.f1).toBeCloseTo((2 * 0.5) / 1.5);
  });
});
