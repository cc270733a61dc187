import type { MigrationInterface, QueryRunner } from 'typeorm';

/** SKETCH_PERIOD_DAYS of @wirestream/stories, in seconds, as the keys of the rows stored before this migration were made. */
const PERIOD_SECONDS = 60 * 86_400;

/**
 * The near-duplicate index keys each sketch hash by the period of its article's date and fetch
 * (`sketch_keys`, see `storedSketchKeys`), instead of by the hash alone (`shingle_sketch`): a
 * lookup then reads the entries of the periods near the article's date, which stay as many however
 * long the archive grows, where the hash-only index's lookups grew with it (0.056 → 0.240 ms of
 * server CPU per stored article from 100,000 to 1,000,000 archived articles). `shingle_sketch`
 * stays, unindexed: the lookup still compares the hashes themselves.
 */
export class SketchKeysByPeriod1797600000000 implements MigrationInterface {
  name = 'SketchKeysByPeriod1797600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE articles ADD COLUMN sketch_keys bigint[] NOT NULL DEFAULT '{}'`);
    // period × 2³² + the hash as unsigned 32 bits, in the periods of published_at and fetched_at.
    await queryRunner.query(`
      UPDATE articles a SET sketch_keys = k.keys
        FROM (SELECT s.article_id, array_agg(DISTINCT (p.period << 32) | (h.hash::bigint & 4294967295)) AS keys
                FROM articles s
                CROSS JOIN LATERAL unnest(s.shingle_sketch) AS h(hash)
                CROSS JOIN LATERAL (VALUES (floor(extract(epoch FROM s.fetched_at) / ${PERIOD_SECONDS})::bigint),
                                           (floor(extract(epoch FROM s.published_at) / ${PERIOD_SECONDS})::bigint)) AS p(period)
               WHERE p.period IS NOT NULL
               GROUP BY s.article_id) k
       WHERE a.article_id = k.article_id`);
    await queryRunner.query(`DROP INDEX articles_sketch_idx`);
    await queryRunner.query(`CREATE INDEX articles_sketch_keys_idx ON articles USING gin (sketch_keys) WITH (fastupdate = off)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX articles_sketch_keys_idx`);
    await queryRunner.query(`ALTER TABLE articles DROP COLUMN sketch_keys`);
    await queryRunner.query(`CREATE INDEX articles_sketch_idx ON articles USING gin (shingle_sketch) WITH (fastupdate = off)`);
  }
}
