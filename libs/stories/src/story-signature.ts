import type { NearDuplicate } from '@wirestream/contracts';

/**
 * The near-duplicate signature as stories compare it. The normalizer computes it from the body
 * (`nearDuplicate` in the normalized message), so every consumer agrees on one signature: a 64-bit
 * SimHash over 3-word shingles (copies of one wire text differ in a few bits, unrelated texts in
 * about half) and the bottom-k shingle hashes, indexed in Postgres so near-duplicates find each
 * other without comparing against every article. Computing belongs to the text; comparing, here.
 */
export interface BodySignature {
  /** Signed 64-bit, as Postgres stores a bigint. */
  simhash: bigint;
  /** Bottom-k distinct shingle hashes as signed 32-bit integers (Postgres integer[]). */
  sketch: number[];
}

/** The normalizer's signature as the store keeps it, or null for a message without one. */
export function storedSignature(nearDuplicate: NearDuplicate | null | undefined): BodySignature | null {
  if (!nearDuplicate) return null;
  return { simhash: simhashValue(nearDuplicate.simhash), sketch: [...nearDuplicate.sketch] };
}

/** Differing bits between two 64-bit SimHashes (signed or unsigned representations alike). */
export function hammingDistance(a: bigint, b: bigint): number {
  // Two 32-bit halves counted as numbers: a BigInt loop per bit costs a story batch tens of ms.
  const x = BigInt.asUintN(64, a ^ b);
  return popcount32(Number(x >> 32n)) + popcount32(Number(x & 0xffff_ffffn));
}

/** Differing bits between two SimHashes as the message carries them (16 hex digits). */
export function simhashDistance(a: string, b: string): number {
  return hammingDistance(simhashValue(a), simhashValue(b));
}

/** The message's hex SimHash as the signed 64-bit value Postgres stores. */
function simhashValue(hex: string): bigint {
  return BigInt.asIntN(64, BigInt(`0x${hex}`));
}

function popcount32(value: number): number {
  let v = value - ((value >>> 1) & 0x5555_5555);
  v = (v & 0x3333_3333) + ((v >>> 2) & 0x3333_3333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f_0f0f, 0x0101_0101) >>> 24) & 0xff;
}
