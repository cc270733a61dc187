import { addressRefusal } from './address-guard';
import { backoffDelayMs, HostGate, parseRetryAfter } from './politeness';

describe('backoffDelayMs', () => {
  it('draws below base·2^(attempt-1), capped', () => {
    const policy = { baseDelayMs: 100, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5].map((attempt) => backoffDelayMs(attempt, policy, () => 1))).toEqual([100, 200, 400, 800, 1000]);
    expect(backoffDelayMs(3, policy, () => 0)).toBe(0);
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates, and ignores junk', () => {
    const now = Date.parse('2025-01-06T09:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Mon, 06 Jan 2025 09:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('Mon, 06 Jan 2025 08:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});

describe('HostGate', () => {
  it('lets at most N requests per host run at once, others host independent', async () => {
    const gate = new HostGate({ maxConcurrentPerHost: 2, minIntervalPerHostMs: 0 });
    const first = await gate.acquire('a');
    await gate.acquire('a');
    let thirdStarted = false;
    const third = gate.acquire('a').then((release) => ((thirdStarted = true), release));
    await gate.acquire('b');
    await new Promise((resolve) => setImmediate(resolve));
    expect(thirdStarted).toBe(false);
    expect(gate.activeFor('a')).toBe(2);
    first();
    (await third)();
    expect(thirdStarted).toBe(true);
  });

  it('spaces the starts of requests to one host', async () => {
    let clock = 1000;
    const waits: number[] = [];
    const gate = new HostGate({ maxConcurrentPerHost: 5, minIntervalPerHostMs: 250, now: () => clock, sleep: async (ms) => void waits.push(ms) });
    (await gate.acquire('a'))();
    (await gate.acquire('a'))();
    clock += 100;
    (await gate.acquire('a'))();
    (await gate.acquire('b'))();
    expect(waits).toEqual([250, 400]);
  });
});

describe('addressRefusal', () => {
  it('allows public unicast and refuses special ranges unless allowed', () => {
    expect(addressRefusal('93.184.216.34', new Set())).toBeNull();
    expect(addressRefusal('2606:4700::1111', new Set())).toBeNull();
    expect(addressRefusal('127.0.0.1', new Set())).toMatch(/loopback/);
    expect(addressRefusal('127.0.0.1', new Set(['loopback']))).toBeNull();
    expect(addressRefusal('169.254.169.254', new Set(['loopback']))).toMatch(/linkLocal/);
    expect(addressRefusal('100.64.0.1', new Set())).toMatch(/carrierGradeNat/);
    expect(addressRefusal('::ffff:10.1.2.3', new Set())).toMatch(/private/);
    expect(addressRefusal('0.0.0.0', new Set())).toMatch(/unspecified/);
  });
});
