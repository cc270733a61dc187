import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Headline-only articles (a FLASH, a BULLETIN, a feed item with a title and a link) are stored,
 * flagged `bodyless`; an article keeps the urgency its format stated (1 most urgent to 9) and the
 * normalizer's processing notes (control characters removed, …).
 */
export class HeadlineOnlyArticles1796800000000 implements MigrationInterface {
  name = 'HeadlineOnlyArticles1796800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE articles
        ADD COLUMN bodyless boolean NOT NULL DEFAULT false,
        ADD COLUMN urgency smallint CHECK (urgency BETWEEN 1 AND 9),
        ADD COLUMN processing_notes text[] NOT NULL DEFAULT '{}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE articles DROP COLUMN bodyless, DROP COLUMN urgency, DROP COLUMN processing_notes`);
  }
}
