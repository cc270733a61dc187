import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { FetcherState1764000000000 } from './migrations/1764000000000-fetcher-state';

/** Its own migrations table, so the fetcher's migrations and storage's never see each other's. */
export const FETCHER_MIGRATIONS_TABLE = 'fetcher_migrations';

/** The fetcher-state pool on `databaseUrl` (the fetcher's validated FETCHER_STATE_DATABASE_URL). */
export function createFetcherDataSource(databaseUrl: string, poolSize = 4): DataSource {
  return new DataSource({
    type: 'postgres',
    url: databaseUrl,
    entities: [],
    migrations: [FetcherState1764000000000],
    migrationsTableName: FETCHER_MIGRATIONS_TABLE,
    synchronize: false,
    migrationsRun: false,
    applicationName: 'wirestream-fetcher',
    extra: { max: poolSize },
  });
}

/**
 * Runs the fetcher-state migrations under a Postgres advisory lock, so instances (or `cli fetch`
 * runs) starting together on a fresh database do not race to create the same tables: the first
 * migrates, the others wait and then find nothing left to do.
 */
export async function runFetcherMigrations(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [FETCHER_MIGRATIONS_TABLE]);
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [FETCHER_MIGRATIONS_TABLE]);
    }
  } finally {
    await runner.release();
  }
}

export interface EmittedItem {
  articleId: string;
  contentHash: string;
}

export interface StoredValidators {
  url: string | null;
  etag: string | null;
  lastModified: string | null;
}

/**
 * The fetcher's durable state. An item counts as emitted for its source when the same article id
 * was emitted with the same content hash: a restart re-emits nothing, while an item whose content
 * changed (a corrected story, a new NewsML-G2 version) flows again.
 *
 * Sources are shared between fetcher instances by leases in fetcher_source_state: an instance polls
 * a source only while it holds the source's unexpired lease, renewed at each poll; a crashed
 * instance's leases lapse after their time-to-live and another instance takes the source over.
 */
export class FetcherStateStore {
  constructor(private readonly dataSource: DataSource) {}

  /** The items of `items` that this source has not emitted with this content before. */
  async unemitted<T extends EmittedItem>(sourceId: string, items: T[]): Promise<T[]> {
    if (items.length === 0) return [];
    const rows: Array<{ article_id: string; content_hash: string }> = await this.dataSource.query(
      'SELECT article_id, content_hash FROM fetcher_emitted_items WHERE source_id = $1 AND article_id = ANY($2::varchar[])',
      [sourceId, items.map((item) => item.articleId)],
    );
    const known = new Map(rows.map((row) => [row.article_id, row.content_hash]));
    return items.filter((item) => known.get(item.articleId) !== item.contentHash);
  }

  async markEmitted(sourceId: string, emitted: EmittedItem[]): Promise<void> {
    // One row per article: a batch may carry one article twice (the same wire item in two dropped
    // files), and an upsert may not touch a row twice. The last copy wins, as it does downstream.
    const items = [...new Map(emitted.map((item) => [item.articleId, item])).values()];
    if (items.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO fetcher_emitted_items (source_id, article_id, content_hash)
       SELECT $1, article_id, content_hash FROM unnest($2::varchar[], $3::char(64)[]) AS item(article_id, content_hash)
       ON CONFLICT (source_id, article_id) DO UPDATE SET content_hash = EXCLUDED.content_hash, emitted_at = now()`,
      [sourceId, items.map((item) => item.articleId), items.map((item) => item.contentHash)],
    );
  }

  async validators(sourceId: string): Promise<StoredValidators | null> {
    const [row] = await this.dataSource.query('SELECT url, etag, last_modified FROM fetcher_source_state WHERE source_id = $1', [sourceId]);
    return row ? { url: row.url, etag: row.etag, lastModified: row.last_modified } : null;
  }

  async saveValidators(sourceId: string, validators: StoredValidators): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO fetcher_source_state (source_id, url, etag, last_modified) VALUES ($1, $2, $3, $4)
       ON CONFLICT (source_id) DO UPDATE SET url = $2, etag = $3, last_modified = $4, updated_at = now()`,
      [sourceId, validators.url, validators.etag, validators.lastModified],
    );
  }

  /** Records the outcome of a poll and when the source may next be polled (e.g. after a Retry-After). */
  async recordPoll(sourceId: string, outcome: string, nextPollAt: Date | null): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO fetcher_source_state (source_id, last_outcome, next_poll_at) VALUES ($1, $2, $3)
       ON CONFLICT (source_id) DO UPDATE SET last_outcome = $2, next_poll_at = $3, updated_at = now()`,
      [sourceId, outcome, nextPollAt],
    );
  }

  async nextPollAt(sourceId: string): Promise<Date | null> {
    const [row] = await this.dataSource.query('SELECT next_poll_at FROM fetcher_source_state WHERE source_id = $1', [sourceId]);
    return row?.next_poll_at ? new Date(row.next_poll_at) : null;
  }

  /**
   * Takes or renews the source's lease for `owner`, for `ttlMs`. True when `owner` holds it now:
   * it was free, expired, or already this owner's. One statement, so two instances racing for a
   * free source cannot both win.
   */
  async tryLease(sourceId: string, owner: string, ttlMs: number): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO fetcher_source_state (source_id, lease_owner, lease_until) VALUES ($1, $2, now() + $3 * interval '1 millisecond')
       ON CONFLICT (source_id) DO UPDATE SET lease_owner = $2, lease_until = now() + $3 * interval '1 millisecond'
         WHERE fetcher_source_state.lease_owner IS NULL OR fetcher_source_state.lease_owner = $2 OR fetcher_source_state.lease_until < now()
       RETURNING source_id`,
      [sourceId, owner, ttlMs],
    );
    return rows.length === 1;
  }

  /**
   * Gives up the leases `owner` holds (at shutdown), so another instance takes over at once: those
   * of `sourceIds`, or every one.
   */
  async releaseLeases(owner: string, sourceIds?: string[]): Promise<void> {
    await this.dataSource.query(
      'UPDATE fetcher_source_state SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = $1 AND ($2::text[] IS NULL OR source_id = ANY($2::text[]))',
      [owner, sourceIds ?? null],
    );
  }
}
