import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tables of the copy (sports agate, results, weather, markets) are kept as rows of cells beside the
 * body, not run into it: `tables` holds them as JSON (`[{ "caption": …, "rows": [["…", …], …] }]`),
 * NULL when the article has none (nearly all), so it takes no room.
 */
export class ArticleTables1797400000000 implements MigrationInterface {
  name = 'ArticleTables1797400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE articles ADD COLUMN tables jsonb CHECK (jsonb_typeof(tables) = 'array')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE articles DROP COLUMN tables`);
  }
}
