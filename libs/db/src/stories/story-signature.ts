import type { NormalizedArticle } from '@wirestream/contracts';

/**
 * Signatures the store keeps per article to group copies and accounts of one event into stories.
 * Pure functions: no database imports, so the rule is unit-tested on its own.
 *
 * - `simhash` and `sketch` come from the normalizer (`nearDuplicate` in news.normalized.v1), so
 *   every consumer agrees on one signature: a 64-bit SimHash over 3-word shingles (copies of one
 *   wire text differ in a few bits, unrelated texts in about half) and the bottom-k shingle hashes,
 *   indexed in Postgres so near-duplicates find each other without comparing against every article.
 * - `salientEntities`: the entities an article is about (most mentioned, or named early), compared
 *   between articles dated close together to find other agencies' accounts of one event.
 */

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

/** The normalizer's signature as the store keeps it, or null for a message without one. */
export function storedSignature(nearDuplicate: NormalizedArticle['nearDuplicate']): BodySignature | null {
  if (!nearDuplicate) return null;
  return { simhash: BigInt.asIntN(64, BigInt(`0x${nearDuplicate.simhash}`)), sketch: [...nearDuplicate.sketch] };
}

/** Differing bits between two 64-bit SimHashes (signed or unsigned representations alike). */
export function hammingDistance(a: bigint, b: bigint): number {
  // Two 32-bit halves counted as numbers: a BigInt loop per bit costs a story batch tens of ms.
  const x = BigInt.asUintN(64, a ^ b);
  return popcount32(Number(x >> 32n)) + popcount32(Number(x & 0xffff_ffffn));
}

function popcount32(value: number): number {
  let v = value - ((value >>> 1) & 0x5555_5555);
  v = (v & 0x3333_3333) + ((v >>> 2) & 0x3333_3333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f_0f0f, 0x0101_0101) >>> 24) & 0xff;
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
