import { brownClusters } from './brown-clusters';

// An invented corpus: animals and verbs in interchangeable slots, with function words around them.
function corpus(): string[][] {
  const animals = ['cat', 'dog', 'horse', 'goat'];
  const verbs = ['ran', 'slept', 'jumped', 'ate'];
  const places = ['Paris', 'Lima', 'Oslo'];
  const out: string[][] = [];
  let k = 0;
  for (let r = 0; r < 6; r++) {
    for (const a of animals) {
      for (const v of verbs) {
        const p = places[k++ % places.length] as string;
        out.push(['the', a, v, 'in', p, '.']);
        out.push(['a', a, 'never', v, 'near', p, '.']);
      }
    }
  }
  return out;
}

const sharedPrefix = (a: string, b: string): number => {
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return k;
};

describe('brownClusters', () => {
  it('keeps its merge losses equal to ones computed from scratch', () => {
    expect(() => brownClusters(corpus(), { clusters: 5, minCount: 1, verify: true })).not.toThrow();
  });

  it('gives words with the same contexts nearby bit strings', () => {
    const { paths, words } = brownClusters(corpus(), { clusters: 6, minCount: 1 });
    expect(words).toBe(17);
    const path = (w: string): string => paths.get(w) as string;
    // Two animals share more of their path with each other than with a verb or a place.
    expect(sharedPrefix(path('cat'), path('dog'))).toBeGreaterThan(sharedPrefix(path('cat'), path('ran')));
    expect(sharedPrefix(path('ran'), path('ate'))).toBeGreaterThan(sharedPrefix(path('ran'), path('Paris')));
    expect(sharedPrefix(path('Paris'), path('Oslo'))).toBeGreaterThan(sharedPrefix(path('Paris'), path('dog')));
    // Six clusters: the words of one share its bit string.
    expect(new Set(paths.values()).size).toBe(6);
  });

  it('is deterministic and leaves out rare words', () => {
    const extra = [...corpus(), ['zebra', 'ran', '.']];
    const a = brownClusters(extra, { clusters: 4, minCount: 2 });
    const b = brownClusters(extra, { clusters: 4, minCount: 2 });
    expect([...a.paths]).toEqual([...b.paths]);
    expect(a.paths.has('zebra')).toBe(false);
  });
});
