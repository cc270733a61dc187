import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `article_mentions` carries its article's `sort_at` (published, else fetched), indexed, so "the
 * latest articles naming X" is answered from the mention rows: sorted there, the articles rows are
 * read only for those listed. Sorting by the article's own `sort_at` read every article naming the
 * entity, one page each across the years: at 1,000,000 articles an entity named by a few hundred
 * to a few thousand of them took the entity page's p99 to 59 ms (`bench:storage`). The index lets
 * the planner walk the newest rows instead, for an entity named in much of the news.
 */
export class MentionRowsSortedByDate1797700000000 implements MigrationInterface {
  name = 'MentionRowsSortedByDate1797700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE article_mentions ADD COLUMN sort_at timestamptz`);
    await queryRunner.query(`UPDATE article_mentions m SET sort_at = a.sort_at FROM articles a WHERE a.article_id = m.article_id`);
    // A row whose article is gone (nothing the writer or the triggers leave) sorts last.
    await queryRunner.query(`UPDATE article_mentions SET sort_at = '-infinity' WHERE sort_at IS NULL`);
    await queryRunner.query(`ALTER TABLE article_mentions ALTER COLUMN sort_at SET NOT NULL`);
    await queryRunner.query(`CREATE INDEX article_mentions_sort_idx ON article_mentions (sort_at DESC, article_id DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX article_mentions_sort_idx`);
    await queryRunner.query(`ALTER TABLE article_mentions DROP COLUMN sort_at`);
  }
}
