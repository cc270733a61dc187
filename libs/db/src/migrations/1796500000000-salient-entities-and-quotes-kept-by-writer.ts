import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createStatementTriggers, dropStatementTriggers, type StatementTrigger } from './statement-triggers';

/**
 * `article_salient_entities` and `quotes` lose their foreign keys, as `article_entities` did
 * (ArticleEntitiesKeptByWriter): ArticleStore is their only writer, and writes their rows in the
 * transaction that writes their article, with entity ids it has just read or inserted under the
 * shared entity lock. Each key checked that again per row (an index probe and a row lock on the
 * parent): storing 3,000 of the pipeline benchmark's stories, the salient-entity insert took 137 →
 * 72 µs per article without its key and the quote insert 46 → 26 µs (two runs each).
 *
 * What the keys did on a delete, statement-level triggers keep doing: an article's rows go with it
 * (ON DELETE CASCADE), a deleted entity leaves its quotes without a speaker (ON DELETE SET NULL),
 * and TRUNCATE … CASCADE of a parent empties them, as it did.
 */
export class SalientEntitiesAndQuotesKeptByWriter1796500000000 implements MigrationInterface {
  name = 'SalientEntitiesAndQuotesKeptByWriter1796500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE article_salient_entities DROP CONSTRAINT article_salient_entities_article_id_fkey`);
    await queryRunner.query(`ALTER TABLE quotes DROP CONSTRAINT quotes_article_id_fkey, DROP CONSTRAINT quotes_speaker_entity_id_fkey`);
    await createStatementTriggers(queryRunner, TRIGGERS);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropStatementTriggers(queryRunner, TRIGGERS);
    // Rows whose parent went while no key held them would fail the keys: they go (or lose the speaker) first.
    await queryRunner.query(`DELETE FROM article_salient_entities s WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.article_id = s.article_id)`);
    await queryRunner.query(`DELETE FROM quotes q WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.article_id = q.article_id)`);
    await queryRunner.query(`UPDATE quotes q SET speaker_entity_id = NULL WHERE speaker_entity_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = q.speaker_entity_id)`);
    await queryRunner.query(
      `ALTER TABLE article_salient_entities ADD CONSTRAINT article_salient_entities_article_id_fkey FOREIGN KEY (article_id) REFERENCES articles (article_id) ON DELETE CASCADE`,
    );
    await queryRunner.query(`
      ALTER TABLE quotes
        ADD CONSTRAINT quotes_article_id_fkey FOREIGN KEY (article_id) REFERENCES articles (article_id) ON DELETE CASCADE,
        ADD CONSTRAINT quotes_speaker_entity_id_fkey FOREIGN KEY (speaker_entity_id) REFERENCES entities (id) ON DELETE SET NULL`);
  }
}

/** A deleted article's salient entities and quotes go with it (SalientEntitiesByWeek finds the salient rows by key instead). */
export const DELETE_SALIENT_ENTITIES_AND_QUOTES_BY_ARTICLE_ID: StatementTrigger = {
  table: 'articles',
  event: 'DELETE',
  name: 'delete_salient_entities_and_quotes',
  body: `DELETE FROM article_salient_entities s USING deleted d WHERE s.article_id = d.article_id;
          DELETE FROM quotes q USING deleted d WHERE q.article_id = d.article_id;`,
};

/** What the keys did, as statement-level triggers on the parent tables (`deleted`: the rows a DELETE removed). */
const TRIGGERS: readonly StatementTrigger[] = [
  DELETE_SALIENT_ENTITIES_AND_QUOTES_BY_ARTICLE_ID,
  { table: 'articles', event: 'TRUNCATE', name: 'truncate_salient_entities_and_quotes', body: 'TRUNCATE article_salient_entities, quotes;' },
  { table: 'entities', event: 'DELETE', name: 'unlink_quote_speakers', body: 'UPDATE quotes q SET speaker_entity_id = NULL FROM deleted d WHERE q.speaker_entity_id = d.id;' },
  // TRUNCATE entities CASCADE emptied quotes (CASCADE truncates every referencing table whole).
  { table: 'entities', event: 'TRUNCATE', name: 'truncate_quotes', body: 'TRUNCATE quotes;' },
];
