import { ArticleStore, createDataSource } from '@wirestream/db';
import type { EnrichedArticleV3 } from '@wirestream/contracts';
import { migrate, withClient } from '@wirestream/harness';
import type { DataSource } from 'typeorm';
import { generateArticleStream } from './generate-articles';

/** Articles the reference archive holds between probes. */
const REFERENCE_ARCHIVE = 5_000;
/** Articles one probe writes (and deletes again). */
const PROBE_ARTICLES = 250;
/** Probes between two VACUUMs of the reference archive (each probe leaves its deleted rows behind). */
const PROBES_PER_VACUUM = 4;

/**
 * The same writes on a small archive, at the moment: a fixed batch stored through ArticleStore into a
 * scratch schema holding REFERENCE_ARCHIVE articles, then deleted, so every probe does the same
 * work. This machine's speed moves by a tenth or more within minutes, which a segment of the
 * archive's write curve cannot tell from the archive's growth; a segment's write rate over the
 * probes' rate during it can be compared with another segment's.
 */
export class ReferenceWrites {
  private probes = 0;

  private constructor(
    private readonly db: DataSource,
    private readonly store: ArticleStore,
    private readonly batch: EnrichedArticleV3[],
    private readonly baseUrl: string,
    private readonly schema: string,
  ) {}

  /** Creates the scratch schema `<schema>` (dropping an earlier one) and fills it. */
  static async open(baseUrl: string, schema: string, size: { archive: number; probe: number } = { archive: REFERENCE_ARCHIVE, probe: PROBE_ARTICLES }): Promise<ReferenceWrites> {
    await withClient(baseUrl, (client) => client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`));
    const url = `${baseUrl}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    await migrate(url);
    const db = createDataSource(url);
    await db.initialize();
    const articles = [...generateArticleStream({ articles: size.archive + size.probe, seed: 7, days: 30, chronological: true })].map((article) => article.message);
    const store = new ArticleStore(db);
    for (let from = 0; from < size.archive; from += 500) {
      await store.saveBatch(articles.slice(from, Math.min(from + 500, size.archive)).map((message) => ({ message, traceId: null })));
    }
    const reference = new ReferenceWrites(db, store, articles.slice(size.archive), baseUrl, schema);
    // The first probe also inserts the batch's new entities, which later probes find stored.
    await reference.probe();
    return reference;
  }

  /** Writes the batch (timed), deletes it again (not timed); returns the write rate in articles/s. */
  async probe(): Promise<number> {
    const started = performance.now();
    await this.store.saveBatch(this.batch.map((message) => ({ message, traceId: null })));
    const seconds = (performance.now() - started) / 1000;
    const ids = this.batch.map((message) => message.articleId);
    await this.db.transaction(async (manager) => {
      await manager.query(`DELETE FROM articles WHERE article_id = ANY($1::varchar[])`, [ids]);
      await manager.query(`DELETE FROM stories WHERE first_article_id = ANY($1::varchar[])`, [ids]);
    });
    if (++this.probes % PROBES_PER_VACUUM === 0) await this.db.query(`VACUUM (ANALYZE) articles, article_mentions, article_salient_entities, stories, entity_article_counts`);
    return this.batch.length / seconds;
  }

  async close(): Promise<void> {
    await this.db.destroy();
    await withClient(this.baseUrl, (client) => client.query(`DROP SCHEMA IF EXISTS ${this.schema} CASCADE`));
  }
}
