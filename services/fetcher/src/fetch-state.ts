import type { EmittedItem, StoredValidators } from '@wirestream/fetcher-state';

/**
 * What the fetcher remembers between polls. FetcherStateStore (Postgres) is the durable one; the
 * in-memory one serves a single instance that may forget at restart (tests, demos).
 */
export interface FetchState {
  unemitted<T extends EmittedItem>(sourceId: string, items: T[]): Promise<T[]>;
  markEmitted(sourceId: string, items: EmittedItem[]): Promise<void>;
  validators(sourceId: string): Promise<StoredValidators | null>;
  saveValidators(sourceId: string, validators: StoredValidators): Promise<void>;
  recordPoll(sourceId: string, outcome: string, nextPollAt: Date | null): Promise<void>;
  nextPollAt(sourceId: string): Promise<Date | null>;
  tryLease(sourceId: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Gives up `owner`'s leases: those of `sourceIds`, or all. */
  releaseLeases(owner: string, sourceIds?: string[]): Promise<void>;
}

export const FETCH_STATE = Symbol('FETCH_STATE');

export class InMemoryFetchState implements FetchState {
  private readonly emitted = new Map<string, string>();
  private readonly sources = new Map<string, { validators: StoredValidators | null; nextPollAt: Date | null; outcome: string | null }>();

  async unemitted<T extends EmittedItem>(sourceId: string, items: T[]): Promise<T[]> {
    return items.filter((item) => this.emitted.get(`${sourceId}\n${item.articleId}`) !== item.contentHash);
  }

  async markEmitted(sourceId: string, items: EmittedItem[]): Promise<void> {
    for (const item of items) this.emitted.set(`${sourceId}\n${item.articleId}`, item.contentHash);
  }

  async validators(sourceId: string): Promise<StoredValidators | null> {
    return this.source(sourceId).validators;
  }

  async saveValidators(sourceId: string, validators: StoredValidators): Promise<void> {
    this.source(sourceId).validators = validators;
  }

  async recordPoll(sourceId: string, outcome: string, nextPollAt: Date | null): Promise<void> {
    Object.assign(this.source(sourceId), { outcome, nextPollAt });
  }

  async nextPollAt(sourceId: string): Promise<Date | null> {
    return this.source(sourceId).nextPollAt;
  }

  /** One instance holds every lease. */
  async tryLease(): Promise<boolean> {
    return true;
  }

  async releaseLeases(): Promise<void> {}

  private source(sourceId: string) {
    let state = this.sources.get(sourceId);
    if (!state) this.sources.set(sourceId, (state = { validators: null, nextPollAt: null, outcome: null }));
    return state;
  }
}
