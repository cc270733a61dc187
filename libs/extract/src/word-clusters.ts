/**
 * Brown word clusters learned from unlabeled newswire (`npm run train:clusters` writes the
 * committed `libs/extract/model/word-clusters.tsv.gz`: lines `bits<TAB>word`). The recognizer's
 * features read prefixes of a word's bit string (Ratinov and Roth 2009: lengths 4, 6, 10 and 20),
 * hashed once when the file is read.
 */

import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { hashString, mix } from './feature-hashing';

/** Prefix lengths of a word's bit string used as features. */
export const CLUSTER_PREFIXES = [4, 6, 10, 20] as const;
const P = CLUSTER_PREFIXES.length;

export const DEFAULT_CLUSTERS_PATH = path.resolve(__dirname, '..', 'model', 'word-clusters.tsv.gz');

export class WordClusters {
  private readonly index = new Map<string, number>();
  private readonly hashes: Int32Array;
  /** A hash of every word and bit string: a model records the clusters it was trained with. */
  readonly id: string;

  /** `entries`: word and bit string pairs. */
  constructor(entries: Iterable<readonly [string, string]>) {
    const list = [...entries];
    this.hashes = new Int32Array(list.length * P);
    let h = 0;
    list.forEach(([word, bits], i) => {
      h = mix(mix(h, hashString(word)), hashString(bits));
      this.index.set(word, i);
      for (let k = 0; k < P; k++) this.hashes[i * P + k] = hashString(bits.slice(0, CLUSTER_PREFIXES[k]));
    });
    this.id = list.length === 0 ? 'none' : (h >>> 0).toString(16).padStart(8, '0');
  }

  get size(): number {
    return this.index.size;
  }

  /** Index of the word's entry: the exact spelling, else its lowercase form; -1 when unknown. */
  lookup(text: string, lower: string): number {
    return this.index.get(text) ?? this.index.get(lower) ?? -1;
  }

  /** Hash of prefix `k` (of CLUSTER_PREFIXES) of entry `entry`'s bit string. */
  prefixHash(entry: number, k: number): number {
    return this.hashes[entry * P + k] as number;
  }
}

/** Reads a clusters file (gzipped when it ends in .gz). */
export function loadClusters(file: string = DEFAULT_CLUSTERS_PATH): WordClusters {
  const raw = readFileSync(file);
  const text = (file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  const entries: [string, string][] = [];
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) entries.push([line.slice(tab + 1), line.slice(0, tab)]);
  }
  return new WordClusters(entries);
}

const EMPTY = new WordClusters([]);
let active: WordClusters | undefined;

/**
 * The clusters the features read: the committed file, read on first use (none if it is missing,
 * so that a model can be trained before any clusters exist).
 */
export function activeClusters(): WordClusters {
  if (!active) {
    try {
      active = loadClusters();
    } catch {
      active = EMPTY;
    }
  }
  return active;
}

/** Replaces the clusters the features read (training experiments: an empty set turns them off). */
export function setActiveClusters(clusters: WordClusters | null): void {
  active = clusters ?? EMPTY;
}
