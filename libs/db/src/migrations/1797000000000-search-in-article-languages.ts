import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ARTICLE_SEARCH_VECTOR, DROP_SEARCH_FUNCTIONS_SQL, ENGLISH_ONLY_SEARCH_VECTOR, searchFunctionsSql } from '../search-functions';

/**
 * Articles are searched in their own language, and Chinese, Japanese and Korean text by character
 * pairs (see search-functions.ts); the search vector was English for every article. The column is
 * generated, so it is dropped and added again (every row's vector is computed anew) with its GIN
 * index and, where the server has it, lz4 compression.
 */
export class SearchInArticleLanguages1797000000000 implements MigrationInterface {
  name = 'SearchInArticleLanguages1797000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const available: Array<{ cfgname: string }> = await queryRunner.query(`SELECT cfgname FROM pg_ts_config`);
    for (const statement of searchFunctionsSql(available.map((row) => row.cfgname))) await queryRunner.query(statement);
    await this.replaceVector(queryRunner, ARTICLE_SEARCH_VECTOR);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await this.replaceVector(queryRunner, ENGLISH_ONLY_SEARCH_VECTOR);
    for (const statement of DROP_SEARCH_FUNCTIONS_SQL) await queryRunner.query(statement);
  }

  private async replaceVector(queryRunner: QueryRunner, expression: string): Promise<void> {
    await queryRunner.query(`ALTER TABLE articles DROP COLUMN search_vector`);
    await queryRunner.query(`ALTER TABLE articles ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (${expression}) STORED`);
    await queryRunner.query(`CREATE INDEX articles_search_idx ON articles USING gin (search_vector)`);
    const [{ lz4 }]: Array<{ lz4: boolean }> = await queryRunner.query(
      `SELECT 'lz4' = ANY(enumvals) AS lz4 FROM pg_settings WHERE name = 'default_toast_compression'`,
    );
    if (lz4) await queryRunner.query(`ALTER TABLE articles ALTER COLUMN search_vector SET COMPRESSION lz4`);
  }
}
