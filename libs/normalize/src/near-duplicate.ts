/**
 * Near-duplicate signature of a normalized body, computed once here so every consumer agrees on
 * it (storage groups copies of one story with it; comparing signatures is @wirestream/stories'):
 *
 * - `simhash`: 64-bit SimHash over 3-word shingles. Two copies of one wire text differ in a few
 *   bits (a changed header, an appended trailer, a light edit); unrelated texts in about half.
 * - `sketch`: the smallest distinct shingle hashes (bottom-k), which an index can look up so that
 *   near-duplicates find each other without comparing against every stored article.
 */

export const SHINGLE_WORDS = 3;
export const SKETCH_SIZE = 8;

export interface NearDuplicateSignature {
  /** 16 lowercase hex digits. */
  simhash: string;
  /** Signed 32-bit integers, ascending. */
  sketch: number[];
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/**
 * Shingle hashes are combined from word hashes (no shingle strings are built): the signature is
 * computed for every story in the stream, so it must cost little more than one pass over the words.
 */
export function nearDuplicateSignature(body: string): NearDuplicateSignature {
  const words = body.toLowerCase().match(WORD) ?? [];
  const wordHashes = new Uint32Array(words.length);
  for (let index = 0; index < words.length; index++) wordHashes[index] = hash32(words[index], 0x811c9dc5);
  const lowBits = new BitColumnCounter();
  const highBits = new BitColumnCounter();
  const sketch = new BottomK(SKETCH_SIZE);
  let shingles = 0;
  const addShingle = (first: number, count: number) => {
    let high = 0x9e3779b9;
    let low = 0x85ebca6b;
    for (let offset = 0; offset < count; offset++) {
      high = mix(high ^ wordHashes[first + offset]);
      low = mix((low + wordHashes[first + offset]) ^ 0x5bd1e995);
    }
    lowBits.add(low);
    highBits.add(high);
    sketch.add(low);
    shingles++;
  };
  if (words.length > 0 && words.length < SHINGLE_WORDS) addShingle(0, words.length);
  for (let index = 0; index + SHINGLE_WORDS <= words.length; index++) addShingle(index, SHINGLE_WORDS);

  // A SimHash bit is set where more shingles have it set than clear.
  let high = 0;
  let low = 0;
  for (let bit = 31; bit >= 0; bit--) {
    low = ((low << 1) | (2 * lowBits.ones(bit) > shingles ? 1 : 0)) >>> 0;
    high = ((high << 1) | (2 * highBits.ones(bit) > shingles ? 1 : 0)) >>> 0;
  }
  const simhash = high.toString(16).padStart(8, '0') + low.toString(16).padStart(8, '0');
  return { simhash, sketch: sketch.values().map((hash) => hash | 0) };
}

/**
 * How many of the added 32-bit words have each bit set, kept as a vertical counter: plane p holds
 * bit p of all 32 counts, so adding a word is a short carry ripple instead of 32 additions.
 */
class BitColumnCounter {
  private readonly planes = new Int32Array(32);

  add(word: number): void {
    let carry = word | 0;
    for (let plane = 0; carry !== 0; plane++) {
      const next = this.planes[plane] & carry;
      this.planes[plane] ^= carry;
      carry = next;
    }
  }

  ones(bit: number): number {
    let count = 0;
    for (let plane = 0; plane < 32; plane++) count |= ((this.planes[plane] >>> bit) & 1) << plane;
    return count;
  }
}

/** The k smallest distinct unsigned 32-bit values added, ascending. */
class BottomK {
  private readonly smallest: number[] = [];

  constructor(private readonly k: number) {}

  add(value: number): void {
    const smallest = this.smallest;
    if (smallest.length === this.k && value >= smallest[smallest.length - 1]) return;
    let at = smallest.length;
    while (at > 0 && smallest[at - 1] > value) at--;
    if (at > 0 && smallest[at - 1] === value) return;
    smallest.splice(at, 0, value);
    if (smallest.length > this.k) smallest.pop();
  }

  values(): number[] {
    return [...this.smallest];
  }
}

/** FNV-1a over UTF-16 code units, finished by `mix`. */
function hash32(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return mix(hash);
}

/** The murmur3 finalizer: every output bit depends on every input bit. */
function mix(value: number): number {
  let hash = value >>> 0;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}
