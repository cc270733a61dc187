import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two indexes on `articles` that no query reads: the API and the story lookup filter and sort by
 * `sort_at` (published, else fetched) and find same-event articles through
 * `article_salient_entities`, never by `published_at` or `content_hash` alone. Every article insert
 * still paid their entries: storing 3,000 of the pipeline benchmark's stories, Postgres CPU per
 * article 1.30 and 1.38 → 1.26 and 1.26 ms without them (two runs each). A reader that wants them
 * back (exact copies by hash, say) runs `down`.
 */
export class DropUnreadArticleIndexes1796400000000 implements MigrationInterface {
  name = 'DropUnreadArticleIndexes1796400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX articles_content_hash_idx`);
    await queryRunner.query(`DROP INDEX articles_published_idx`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX articles_content_hash_idx ON articles (content_hash)`);
    await queryRunner.query(`CREATE INDEX articles_published_idx ON articles (published_at)`);
  }
}
