import { hammingDistance, simhashDistance, storedSignature } from './story-signature';

describe('signatures', () => {
  it("reads the normalizer's hex SimHash as the signed 64-bit value Postgres stores, keeping the sketch", () => {
    expect(storedSignature({ simhash: 'ffffffffffffffff', sketch: [-5, 3] })).toEqual({ simhash: -1n, sketch: [-5, 3] });
    expect(storedSignature({ simhash: '0000000000000005', sketch: [] })?.simhash).toBe(5n);
    expect(storedSignature(undefined)).toBeNull();
  });

  it('counts the differing bits of signed 64-bit values', () => {
    expect(hammingDistance(-1n, 0n)).toBe(64);
    expect(hammingDistance(5n, 4n)).toBe(1);
    expect(hammingDistance(-(2n ** 63n), 0n)).toBe(1);
    expect(hammingDistance(0xffff_ffffn, 0n)).toBe(32);
    expect(hammingDistance(0xf0f0_0000_0000_000fn, 0x0f0f_0000_0000_0001n)).toBe(19);
  });

  it('compares the hex SimHashes messages carry as the stored values', () => {
    expect(simhashDistance('ffffffffffffffff', '0000000000000000')).toBe(64);
    expect(simhashDistance('8000000000000001', '0000000000000000')).toBe(2);
  });

  it('agrees with counting bit by bit on random pairs', () => {
    let state = 7n;
    const next = () => (state = (state * 6364136223846793005n + 1442695040888963407n) & (2n ** 64n - 1n));
    for (let trial = 0; trial < 200; trial++) {
      const [a, b] = [BigInt.asIntN(64, next()), BigInt.asIntN(64, next())];
      const bits = BigInt.asUintN(64, a ^ b).toString(2).split('').filter((bit) => bit === '1').length;
      expect(hammingDistance(a, b)).toBe(bits);
    }
  });
});
