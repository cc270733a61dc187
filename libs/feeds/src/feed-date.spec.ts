import { parseFeedDate } from './feed-date';

describe('parseFeedDate', () => {
  it('reads RFC 822 pubDates with numeric offsets, with or without a space before them', () => {
    expect(parseFeedDate('Wed, 31 Jan 2018 20:15:15 GMT')).toBe('2018-01-31T20:15:15.000Z');
    expect(parseFeedDate('Sat, 31 Dec 2005 13:47:03 +0900')).toBe('2005-12-31T04:47:03.000Z');
    expect(parseFeedDate('Tue, 27 Dec 2005 13:30:33+0900')).toBe('2005-12-27T04:30:33.000Z');
    expect(parseFeedDate('Mon, 6 Jan 2025 09:00 -0500')).toBe('2025-01-06T14:00:00.000Z');
  });

  it('reads RFC 822 zone names, two-digit years and a missing day name', () => {
    expect(parseFeedDate('01 Feb 2016 17:22:00 EST')).toBe('2016-02-01T22:22:00.000Z');
    expect(parseFeedDate('Thu, 05 Jan 06 10:00:00 KST')).toBe('2006-01-05T01:00:00.000Z');
    expect(parseFeedDate('Sunday, 05 January 2025 10:00:00 UT')).toBe('2025-01-05T10:00:00.000Z');
  });

  it('reads ISO 8601 / W3C-DTF dates with offsets, fractions, Z, or a date alone (midnight UTC)', () => {
    expect(parseFeedDate('2006-01-03T04:02:09+09:00')).toBe('2006-01-02T19:02:09.000Z');
    expect(parseFeedDate('2016-02-01T17:54:50.123456+01:00')).toBe('2016-02-01T16:54:50.123Z');
    expect(parseFeedDate('2018-01-31T20:15:15Z')).toBe('2018-01-31T20:15:15.000Z');
    expect(parseFeedDate('2020-02-02')).toBe('2020-02-02T00:00:00.000Z');
    expect(parseFeedDate(' 2020-02-02T10:30-0330 ')).toBe('2020-02-02T14:00:00.000Z');
  });

  it('returns null for absent, unparseable, impossible or ambiguous dates', () => {
    expect(parseFeedDate(undefined)).toBeNull();
    expect(parseFeedDate('   ')).toBeNull();
    expect(parseFeedDate('yesterday')).toBeNull();
    expect(parseFeedDate('2')).toBeNull();
    expect(parseFeedDate('Fri, 31 Feb 2025 10:00:00 GMT')).toBeNull();
    expect(parseFeedDate('2025-13-01T00:00:00Z')).toBeNull();
    expect(parseFeedDate('2025-01-01T25:00:00Z')).toBeNull();
    expect(parseFeedDate('Mon, 06 Jan 2025 10:00:00 IST')).toBeNull(); // India, Ireland or Israel?
    expect(parseFeedDate('06 Foo 2025 10:00:00 GMT')).toBeNull();
    expect(parseFeedDate(`06 Jan 2025 10:00:00${' '.repeat(100_000)}x`)).toBeNull();
  });
});
