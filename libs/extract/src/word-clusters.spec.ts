import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { CLUSTER_PREFIXES, WordClusters, loadClusters } from './word-clusters';

describe('word clusters', () => {
  const entries: [string, string][] = [
    ['Zarvik', '0110100101'],
    ['zarvik', '0110100111'],
    ['Quellmore', '0110111'],
    ['the', '10'],
  ];

  it('finds a word by its spelling, else by its lowercase form', () => {
    const clusters = new WordClusters(entries);
    expect(clusters.size).toBe(4);
    expect(clusters.lookup('Zarvik', 'zarvik')).toBe(0);
    expect(clusters.lookup('ZARVIK', 'zarvik')).toBe(1);
    expect(clusters.lookup('Nowhere', 'nowhere')).toBe(-1);
  });

  it('hashes bit-string prefixes: words in the same coarse cluster share the short ones', () => {
    const clusters = new WordClusters(entries);
    expect(CLUSTER_PREFIXES).toEqual([4, 6, 10, 20]);
    const prefixes = (entry: number): number[] => CLUSTER_PREFIXES.map((_, k) => clusters.prefixHash(entry, k));
    const [z, lower, q] = [prefixes(0), prefixes(1), prefixes(2)];
    expect(z[0]).toBe(q[0]); // 0110
    expect(z[1]).not.toBe(q[1]); // 011010 vs 011011
    expect(z[1]).toBe(lower[1]);
    expect(z[2]).not.toBe(lower[2]);
    // A path shorter than the prefix is the whole path: 20 bits of "0110111" is "0110111".
    expect(q[3]).toBe(q[2]);
  });

  it('reads a gzipped bits<TAB>word file, and names the set by its content', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'clusters-'));
    const file = path.join(dir, 'clusters.tsv.gz');
    writeFileSync(file, gzipSync(entries.map(([w, b]) => `${b}\t${w}`).join('\n') + '\n'));
    const loaded = loadClusters(file);
    expect(loaded.size).toBe(4);
    expect(loaded.id).toBe(new WordClusters(entries).id);
    expect(loaded.id).not.toBe(new WordClusters(entries.slice(1)).id);
    expect(new WordClusters([]).id).toBe('none');
  });
});
