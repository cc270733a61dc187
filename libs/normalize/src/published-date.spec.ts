import { resolveDatelineDate, toIsoDate, validIsoDate } from './published-date';

describe('toIsoDate', () => {
  it.each([
    ['2025-01-06', '2025-01-06'],
    ['2025-01-06T10:00:00Z', '2025-01-06T10:00:00Z'],
    ['2025-01-06T10:00:00+09:00', '2025-01-06T10:00:00+09:00'],
    ['2025-01-06T10:00:00.123Z', '2025-01-06T10:00:00.123Z'],
    ['2025-01-06T10:00:00+0900', '2025-01-06T01:00:00.000Z'],
    ['2025-01-06 10:00Z', '2025-01-06T10:00:00.000Z'],
    ['Mon, 06 Jan 2025 10:00:00 +0900', '2025-01-06T01:00:00.000Z'],
    ['January 6, 2025', '2025-01-06'],
  ])('reads %j as %j', (input, expected) => {
    expect(toIsoDate(input)).toBe(expected);
  });

  it('cuts a time without a zone back to its day rather than guessing the zone', () => {
    expect(toIsoDate('2025-01-06T23:30:00')).toBe('2025-01-06');
  });

  it.each([[null], [''], ['yesterday'], ['Jan 6'], ['2025-02-30'], ['2025-13-01T00:00:00Z'], ['x'.repeat(500)]])(
    'returns null for %j, which names no certain day',
    (input) => {
      expect(toIsoDate(input)).toBeNull();
    },
  );
});

describe('resolveDatelineDate', () => {
  const reference = new Date('2025-01-10T12:00:00Z');

  it('picks the most recent such day not after the reference date', () => {
    expect(resolveDatelineDate('Jan 6', reference)).toBe('2025-01-06');
    expect(resolveDatelineDate('Jan. 10', reference)).toBe('2025-01-10');
    expect(resolveDatelineDate('Jan 20', reference)).toBe('2024-01-20');
  });

  it('reads Dec 31 against a Jan 2 reference date as the previous year', () => {
    expect(resolveDatelineDate('Dec 31', new Date('2025-01-02T00:00:00Z'))).toBe('2024-12-31');
    expect(resolveDatelineDate('Dec. 31', new Date('2025-01-02T09:00:00Z'))).toBe('2024-12-31');
  });

  it('allows the next UTC day, which has already begun in time zones east of UTC', () => {
    // 20:00 UTC on Jan 6 is already Jan 7 in Tokyo, so a Tokyo "Jan 7" dateline is this year's.
    expect(resolveDatelineDate('Jan 7', new Date('2025-01-06T20:00:00Z'))).toBe('2025-01-07');
    expect(resolveDatelineDate('Jan 8', new Date('2025-01-06T20:00:00Z'))).toBe('2024-01-08');
  });

  it('reads day-first dates, full month names and abbreviations with a period', () => {
    expect(resolveDatelineDate('6 January', reference)).toBe('2025-01-06');
    expect(resolveDatelineDate('Sept. 14', reference)).toBe('2024-09-14');
  });

  it('walks back to a leap year for Feb 29', () => {
    expect(resolveDatelineDate('Feb 29', new Date('2025-06-01T00:00:00Z'))).toBe('2024-02-29');
  });

  it('reads a weekday as the most recent such weekday', () => {
    // 2025-01-10 is a Friday.
    expect(resolveDatelineDate('Monday', reference)).toBe('2025-01-06');
    expect(resolveDatelineDate('Friday', reference)).toBe('2025-01-10');
  });

  it('uses a printed year without needing a reference date', () => {
    expect(resolveDatelineDate('Jan. 6, 2024')).toBe('2024-01-06');
    expect(resolveDatelineDate('September 30 2024')).toBe('2024-09-30');
  });

  it('refuses a day the month does not have', () => {
    expect(resolveDatelineDate('Feb 30, 2024')).toBeNull();
    expect(resolveDatelineDate('April 31', reference)).toBeNull();
  });

  it('returns null without a reference date when the year is not printed', () => {
    expect(resolveDatelineDate('Jan 6')).toBeNull();
    expect(resolveDatelineDate('Jan 6', new Date('invalid'))).toBeNull();
  });
});

describe('validIsoDate', () => {
  it('accepts real calendar dates only', () => {
    expect(validIsoDate('2024-02-29')).toBe('2024-02-29');
    expect(validIsoDate('2025-02-29')).toBeNull();
    expect(validIsoDate('2025-1-6')).toBeNull();
    expect(validIsoDate(undefined)).toBeNull();
  });
});
