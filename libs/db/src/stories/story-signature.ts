/**
 * Signatures the store keeps per article to group copies and accounts of one event into stories.
 * Pure functions: no database imports, so the rule is unit-tested on its own.
 *
 * - `simhash`: 64-bit SimHash over 3-word shingles of the body. Two copies of one wire text differ
 *   in a few bits (a changed header, an appended trailer, a light edit); unrelated texts differ in
 *   about half of them.
 * - `sketch`: the smallest shingle hashes (bottom-k), indexed in Postgres so that near-duplicates,
 *   which share most shingles, find each other without comparing against every stored article.
 * - `salientEntities`: the entities an article is about (most mentioned, or named early), compared
 *   between articles dated close together to find other agencies' accounts of one event.
 *
 * The normalizer should compute `simhash` and `sketch` (a contract field) so every consumer agrees
 * on one signature; until then the store computes them from the normalized body.
 */

export const SHINGLE_WORDS = 3;
export const SKETCH_SIZE = 8;
/** Entity types that identify an event; MISC (nationalities, "Korean") says too little. */
const SALIENT_TYPES = new Set(['PERSON', 'ORG', 'GPE', 'LOC']);
export const MAX_SALIENT_ENTITIES = 8;
/** A first mention this early (in UTF-16 units) puts an entity in the lede. */
const LEDE_CHARS = 400;

export interface BodySignature {
  /** Signed 64-bit, as Postgres stores a bigint. */
  simhash: bigint;
  /** Bottom-k distinct shingle hashes as signed 32-bit integers (Postgres integer[]). */
  sketch: number[];
}

export function words(body: string): string[] {
  return body.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
}

export function shingles(body: string, size = SHINGLE_WORDS): string[] {
  const tokens = words(body);
  if (tokens.length === 0) return [];
  if (tokens.length < size) return [tokens.join(' ')];
  const result: string[] = [];
  for (let index = 0; index + size <= tokens.length; index++) result.push(tokens.slice(index, index + size).join(' '));
  return result;
}

export function bodySignature(body: string): BodySignature {
  const counts = new Array<number>(64).fill(0);
  const lowHashes = new Set<number>();
  for (const shingle of shingles(body)) {
    const high = hash32(shingle, 0x811c9dc5);
    const low = hash32(shingle, 0x01000193 ^ 0x5bd1e995);
    for (let bit = 0; bit < 32; bit++) {
      counts[bit] += (low >>> bit) & 1 ? 1 : -1;
      counts[bit + 32] += (high >>> bit) & 1 ? 1 : -1;
    }
    lowHashes.add(low);
  }
  let value = 0n;
  for (let bit = 63; bit >= 0; bit--) value = (value << 1n) | (counts[bit] > 0 ? 1n : 0n);
  const sketch = [...lowHashes].sort((a, b) => a - b).slice(0, SKETCH_SIZE).map((hash) => hash | 0);
  return { simhash: BigInt.asIntN(64, value), sketch };
}

/** Differing bits between two 64-bit SimHashes (signed or unsigned representations alike). */
export function hammingDistance(a: bigint, b: bigint): number {
  let x = BigInt.asUintN(64, a ^ b);
  let count = 0;
  while (x !== 0n) {
    x &= x - 1n;
    count++;
  }
  return count;
}

export interface SalienceInput {
  key: string;
  type: string;
  mentions: Array<{ start: number }>;
}

/**
 * The entities an article is about: of people, organisations and places, those named at least
 * twice or in the lede, most mentioned first (then earliest), at most MAX_SALIENT_ENTITIES.
 */
export function salientEntities(entities: SalienceInput[]): string[] {
  return entities
    .filter((entity) => SALIENT_TYPES.has(entity.type) && entity.mentions.length > 0)
    .map((entity) => ({ key: entity.key, count: entity.mentions.length, first: Math.min(...entity.mentions.map((mention) => mention.start)) }))
    .filter((entity) => entity.count >= 2 || entity.first < LEDE_CHARS)
    .sort((a, b) => b.count - a.count || a.first - b.first || a.key.localeCompare(b.key))
    .slice(0, MAX_SALIENT_ENTITIES)
    .map((entity) => entity.key);
}

/** FNV-1a over UTF-16 code units with a murmur3 finalizer, so every output bit depends on every input bit. */
function hash32(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}
