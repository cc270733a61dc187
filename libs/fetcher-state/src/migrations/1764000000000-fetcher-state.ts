import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The fetcher's own tables, apart from storage's: which items each source has emitted (and with
 * which content), each source's cache validators and poll schedule, and the lease that says which
 * fetcher instance polls a source.
 */
export class FetcherState1764000000000 implements MigrationInterface {
  name = 'FetcherState1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE fetcher_emitted_items (
        source_id    text NOT NULL,
        article_id   varchar(32) NOT NULL,
        content_hash char(64) NOT NULL,
        emitted_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (source_id, article_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE fetcher_source_state (
        source_id     text PRIMARY KEY,
        url           text,
        etag          text,
        last_modified text,
        next_poll_at  timestamptz,
        last_outcome  text,
        lease_owner   text,
        lease_until   timestamptz,
        updated_at    timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE fetcher_source_state');
    await queryRunner.query('DROP TABLE fetcher_emitted_items');
  }
}
