import { isLockStale, LOCK_STALE_MS } from './state-lock';

describe('isLockStale', () => {
  const now = 1_000_000_000;
  const alive = () => true;
  const dead = () => false;

  it('keeps a fresh lock whose owner is alive', () => {
    expect(isLockStale({ ownerText: '4242', modifiedMs: now - 1000 }, now, alive)).toBe(false);
  });

  it('breaks a lock whose owner died, however fresh', () => {
    expect(isLockStale({ ownerText: '4242', modifiedMs: now }, now, dead)).toBe(true);
  });

  it('asks about the pid the lock names', () => {
    const asked: number[] = [];
    isLockStale({ ownerText: '4242', modifiedMs: now }, now, (pid) => (asked.push(pid), true));
    expect(asked).toEqual([4242]);
  });

  it('breaks a lock not refreshed for the stale time, even if its owner lives (a hung process)', () => {
    expect(isLockStale({ ownerText: '4242', modifiedMs: now - LOCK_STALE_MS - 1 }, now, alive)).toBe(true);
    expect(isLockStale({ ownerText: '4242', modifiedMs: now - LOCK_STALE_MS }, now, alive)).toBe(false);
  });

  it('keeps a fresh lock whose owner is still writing its pid', () => {
    expect(isLockStale({ ownerText: '', modifiedMs: now }, now, dead)).toBe(false);
  });

  it('does not take garbage for a dead owner', () => {
    expect(isLockStale({ ownerText: 'not-a-pid', modifiedMs: now }, now, dead)).toBe(false);
    expect(isLockStale({ ownerText: '-1', modifiedMs: now }, now, dead)).toBe(false);
  });
});
