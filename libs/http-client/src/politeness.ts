/**
 * Being polite to publishers: bounded exponential backoff with jitter, reading Retry-After, and a
 * per-host gate that caps concurrent requests and spaces their starts.
 */

export interface BackoffPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * Delay before retry number `attempt` (1 = the first retry): "full jitter", a uniform draw below
 * base·2^(attempt-1), capped — so many fetchers retrying a recovering host do not arrive in step.
 */
export function backoffDelayMs(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(random() * ceiling);
}

/** Retry-After as delta-seconds or an HTTP-date, in ms from `now`; null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | null {
  const text = value?.trim();
  if (!text) return null;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  if (Number.isNaN(at) || !/[a-z]/i.test(text)) return null;
  return Math.max(0, at - now);
}

export interface HostGateOptions {
  /** Most requests in flight to one host at once. */
  maxConcurrentPerHost: number;
  /** Least time between the starts of two requests to one host, in ms. */
  minIntervalPerHostMs: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

interface HostState {
  active: number;
  waiting: Array<() => void>;
  nextStartAt: number;
}

/** Per-host concurrency and pacing. `acquire` resolves to a release function, once a slot is free. */
export class HostGate {
  private readonly hosts = new Map<string, HostState>();
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: HostGateOptions) {
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  async acquire(host: string): Promise<() => void> {
    const state = this.hosts.get(host) ?? { active: 0, waiting: [], nextStartAt: 0 };
    this.hosts.set(host, state);
    if (state.active >= this.options.maxConcurrentPerHost) await new Promise<void>((resolve) => state.waiting.push(resolve));
    else state.active++;
    // Slots are handed over, not re-counted, so `active` already includes this request here.
    const startAt = Math.max(this.now(), state.nextStartAt);
    state.nextStartAt = startAt + this.options.minIntervalPerHostMs;
    const wait = startAt - this.now();
    if (wait > 0) await this.sleep(wait);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = state.waiting.shift();
      if (next) next();
      // The host's state stays (one small record per host) so its pacing survives idle moments.
      else state.active--;
    };
  }

  /** Requests in flight to a host (for tests and metrics). */
  activeFor(host: string): number {
    return this.hosts.get(host)?.active ?? 0;
  }
}
