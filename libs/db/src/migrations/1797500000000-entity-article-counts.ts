import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createStatementTriggers, dropStatementTriggers, type StatementTrigger } from './statement-triggers';
import { API_READER_ROLE } from './1796700000000-api-keys-and-reader-role';

/**
 * Each entity's number of articles, kept as articles are written, so entity search can rank by it
 * and the entity page can show it without counting (a `count(*)` over the GIN index of
 * `article_mentions` visits every article of a famous entity: seconds for a search at archive scale).
 *
 * The writer changes the counts under the story lock (see `ArticleStore`), so storage instances
 * never wait for each other on a popular entity's row. Mentions deleted by anything else (an
 * operator deleting articles, the delete trigger of `articles`) are subtracted by a trigger, which
 * the writer turns off for its own transaction (`wirestream.entity_counts_by_writer`), since it
 * counts its replacements itself.
 */
export class EntityArticleCounts1797500000000 implements MigrationInterface {
  name = 'EntityArticleCounts1797500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Updated in place by every batch naming the entity: room on each page keeps those updates HOT,
    // their old versions pruned as pages are read, with or without autovacuum.
    await queryRunner.query(`
      CREATE TABLE entity_article_counts (
        entity_id bigint PRIMARY KEY,
        articles  integer NOT NULL
      ) WITH (fillfactor = 50)`);
    await queryRunner.query(`
      INSERT INTO entity_article_counts (entity_id, articles)
      SELECT named.entity_id, count(*) FROM article_mentions m CROSS JOIN LATERAL unnest(m.entity_ids) AS named(entity_id) GROUP BY named.entity_id`);
    await createStatementTriggers(queryRunner, TRIGGERS);
    await queryRunner.query(`GRANT SELECT ON entity_article_counts TO ${API_READER_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropStatementTriggers(queryRunner, TRIGGERS);
    await queryRunner.query(`DROP TABLE entity_article_counts`);
  }
}

const TRIGGERS: readonly StatementTrigger[] = [
  {
    table: 'article_mentions',
    event: 'DELETE',
    name: 'uncount_deleted_mentions',
    body: `IF current_setting('wirestream.entity_counts_by_writer', true) = 'on' THEN RETURN NULL; END IF;
          UPDATE entity_article_counts c SET articles = greatest(c.articles - d.articles, 0)
            FROM (SELECT named.entity_id, count(*) AS articles FROM deleted CROSS JOIN LATERAL unnest(deleted.entity_ids) AS named(entity_id) GROUP BY named.entity_id) d
           WHERE c.entity_id = d.entity_id;`,
  },
  { table: 'article_mentions', event: 'TRUNCATE', name: 'truncate_entity_article_counts', body: 'TRUNCATE entity_article_counts;' },
  { table: 'entities', event: 'DELETE', name: 'delete_entity_article_counts', body: 'DELETE FROM entity_article_counts c USING deleted d WHERE c.entity_id = d.id;' },
];
