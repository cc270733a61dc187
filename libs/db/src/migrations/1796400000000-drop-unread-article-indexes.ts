import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two indexes on `articles` that no query reads: the API and the story lookup filter and sort by
 * `sort_at` (published, else fetched) and find same-event articles through
 * `article_salient_entities`, never by `published_at` or `content_hash` alone. Every article insert
 * still paid their entries: with them and two more dropped, storing the pipeline benchmark's
 * stories took about 0.1 ms less Postgres CPU per article (1.1–1.2 → 1.0 ms), about half of it
 * theirs. A reader that wants them back (exact copies by hash, say) runs `down`.
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
