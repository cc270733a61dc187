import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DELETE_SALIENT_ENTITIES_AND_QUOTES_BY_ARTICLE_ID } from './1796500000000-salient-entities-and-quotes-kept-by-writer';
import { createStatementTriggers, dropStatementTriggers, type StatementTrigger } from './statement-triggers';

/**
 * `article_salient_entities` is indexed by the week of its article's date first, then by entity
 * (`salient_week(published_at), entity_key, published_at, article_id`), instead of by entity first.
 *
 * Written as the news happens, the entity-first key put every new row at the end of its entity's
 * run, so the pages a writer touched were one per entity in the news: a working set that grew with
 * the entity pool and the archive (the key index was 860 MB at 1,000,000 articles in
 * `bench:storage`, far beyond the default 128 MB of shared buffers), and every page first changed
 * after a checkpoint went whole into the WAL. Week-first, new rows go into the current week's range
 * only, and the same-event lookup (within days of an article's date) reads one or two weeks of it.
 *
 * The index on `article_id` goes too (one more random-order insert per row): an article's rows are
 * found from its stored `salient_entities` and `published_at`, which is what the writer derives
 * them from. The rows are rebuilt from those columns here, so this holds for every stored article.
 */
export class SalientEntitiesByWeek1797800000000 implements MigrationInterface {
  name = 'SalientEntitiesByWeek1797800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // date_bin with a stride in hours is the same instant in every session time zone (days would
    // follow daylight saving in generate_series); 2000-01-03 was a Monday. The same-event lookup
    // steps through weeks by this stride (sameEventRows): a new stride changes both.
    await queryRunner.query(`
      CREATE FUNCTION salient_week(at timestamptz) RETURNS timestamptz LANGUAGE sql IMMUTABLE PARALLEL SAFE
      RETURN date_bin(interval '168 hours', at, timestamptz '2000-01-03 00:00:00+00')`);
    await dropStatementTriggers(queryRunner, [DELETE_SALIENT_ENTITIES_AND_QUOTES_BY_ARTICLE_ID]);
    await queryRunner.query(`ALTER TABLE article_salient_entities DROP CONSTRAINT article_salient_entities_pkey`);
    await queryRunner.query(`DROP INDEX article_salient_entities_article_idx`);
    await queryRunner.query(`TRUNCATE article_salient_entities`);
    await queryRunner.query(`
      INSERT INTO article_salient_entities (entity_key, published_at, article_id)
      SELECT DISTINCT unnest(salient_entities), published_at, article_id FROM articles WHERE published_at IS NOT NULL`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX article_salient_entities_week_idx ON article_salient_entities (salient_week(published_at), entity_key, published_at, article_id)`,
    );
    await createStatementTriggers(queryRunner, SALIENT_TRIGGERS);
    // Statistics for the rebuilt table and its expression index, where autovacuum is off or behind.
    await queryRunner.query(`ANALYZE article_salient_entities`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropStatementTriggers(queryRunner, SALIENT_TRIGGERS);
    await queryRunner.query(`DROP INDEX article_salient_entities_week_idx`);
    await queryRunner.query(`ALTER TABLE article_salient_entities ADD PRIMARY KEY (entity_key, published_at, article_id)`);
    await queryRunner.query(`CREATE INDEX article_salient_entities_article_idx ON article_salient_entities (article_id)`);
    await createStatementTriggers(queryRunner, [DELETE_SALIENT_ENTITIES_AND_QUOTES_BY_ARTICLE_ID]);
    await queryRunner.query(`DROP FUNCTION salient_week(timestamptz)`);
  }
}

/** A deleted article's salient rows, found by the key its own columns give (see deleteSalientEntitiesOf). */
const SALIENT_TRIGGERS: readonly StatementTrigger[] = [
  {
    table: 'articles',
    event: 'DELETE',
    name: 'delete_salient_entities_and_quotes',
    body: `DELETE FROM article_salient_entities s
             USING (SELECT DISTINCT unnest(d.salient_entities) AS entity_key, d.published_at, d.article_id FROM deleted d WHERE d.published_at IS NOT NULL) x
            WHERE salient_week(s.published_at) = salient_week(x.published_at) AND s.entity_key = x.entity_key
              AND s.published_at = x.published_at AND s.article_id = x.article_id;
          DELETE FROM quotes q USING deleted d WHERE q.article_id = d.article_id;`,
  },
];
