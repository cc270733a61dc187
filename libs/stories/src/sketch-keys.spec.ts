import { SKETCH_PERIOD_DAYS, sketchKey, sketchLookupKeys, sketchPeriod, storedSketchKeys } from './sketch-keys';

const DAY_MS = 86_400_000;
const at = (iso: string) => new Date(iso);
const plusDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);
const shares = (stored: number[], lookup: Map<number, number>) => stored.some((key) => lookup.has(key));

describe('sketch keys', () => {
  it('keeps every hash apart per period, negative hashes as unsigned 32 bits', () => {
    expect(sketchKey(0, -1)).toBe(2 ** 32 - 1);
    expect(sketchKey(1, 0)).toBe(2 ** 32);
    expect(sketchKey(1, -1)).not.toBe(sketchKey(2, -1));
    expect(sketchKey(-1, 5)).toBe(-(2 ** 32) + 5);
    expect(sketchPeriod(at('1970-01-01T00:00:00Z'))).toBe(0);
    expect(sketchPeriod(plusDays(at('1970-01-01T00:00:00Z'), SKETCH_PERIOD_DAYS))).toBe(1);
  });

  it('stores an article under the period of its date and of its fetch, once when they are one', () => {
    const published = at('2025-03-10T08:00:00Z');
    expect(storedSketchKeys([7, -7], { publishedAt: published, fetchedAt: plusDays(published, 0.01) })).toHaveLength(2);
    const readLater = storedSketchKeys([7, -7], { publishedAt: published, fetchedAt: plusDays(published, 400) });
    expect(readLater).toHaveLength(4);
    expect(new Set(readLater.map((key) => Math.floor(key / 2 ** 32)))).toEqual(new Set([sketchPeriod(published), sketchPeriod(plusDays(published, 400))]));
    expect(storedSketchKeys([7], { publishedAt: null, fetchedAt: published })).toEqual([sketchKey(sketchPeriod(published), 7)]);
  });

  it('finds a dated copy whatever its distance within the window, across period boundaries', () => {
    const original = at('2025-01-01T00:00:00Z');
    for (let offset = -30; offset <= 30; offset += 0.5) {
      for (let shift = 0; shift < SKETCH_PERIOD_DAYS; shift += 7) {
        const stored = plusDays(original, shift);
        const copy = plusDays(stored, offset);
        const lookup = sketchLookupKeys([42], { publishedAt: copy, fetchedAt: copy }, 30);
        expect(shares(storedSketchKeys([42], { publishedAt: stored, fetchedAt: stored }), lookup)).toBe(true);
      }
    }
  });

  it('does not look where a dated copy could not be one (further than the window and a period)', () => {
    const original = at('2025-01-01T00:00:00Z');
    const copy = plusDays(original, 30 + 2 * SKETCH_PERIOD_DAYS);
    const lookup = sketchLookupKeys([42], { publishedAt: copy, fetchedAt: copy }, 30);
    expect(shares(storedSketchKeys([42], { publishedAt: original, fetchedAt: original }), lookup)).toBe(false);
    expect(lookup.size).toBeLessThanOrEqual(2);
  });

  it('looks for an undated copy among the articles fetched about when it was, whenever they were published', () => {
    const fetched = at('2026-06-01T12:00:00Z');
    const lookup = sketchLookupKeys([42, 43], { publishedAt: null, fetchedAt: plusDays(fetched, 2) }, 30);
    const yearsOld = storedSketchKeys([42], { publishedAt: at('2024-02-01T00:00:00Z'), fetchedAt: fetched });
    expect(shares(yearsOld, lookup)).toBe(true);
    expect([...lookup.values()].sort()).toEqual(expect.arrayContaining([42, 43]));
    expect(shares(storedSketchKeys([44], { publishedAt: null, fetchedAt: fetched }), lookup)).toBe(false);
  });
});
