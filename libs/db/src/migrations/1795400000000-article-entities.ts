import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mentions are stored one row per (article, entity), with the mentions' offsets, surfaces and
 * roles as parallel arrays: an article names about 28 entities 57 times, and every row cost its
 * index entries and two foreign-key checks, so the mention insert was half of storage's time in
 * Postgres. `mentions` stays, as a view with one row per mention, for readers that want them so.
 */
export class ArticleEntities1795400000000 implements MigrationInterface {
  name = 'ArticleEntities1795400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE article_entities (
        article_id    varchar(32) NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
        entity_id     bigint NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
        start_offsets integer[] NOT NULL,
        end_offsets   integer[] NOT NULL,
        surfaces      text[] NOT NULL,
        roles         text[] NOT NULL,
        PRIMARY KEY (article_id, entity_id),
        CONSTRAINT article_entities_parallel_arrays CHECK (
          cardinality(start_offsets) > 0
          AND cardinality(end_offsets) = cardinality(start_offsets)
          AND cardinality(surfaces) = cardinality(start_offsets)
          AND cardinality(roles) = cardinality(start_offsets))
      )`);
    await queryRunner.query(`
      INSERT INTO article_entities (article_id, entity_id, start_offsets, end_offsets, surfaces, roles)
      SELECT article_id, entity_id,
             array_agg(start_offset ORDER BY start_offset, end_offset), array_agg(end_offset ORDER BY start_offset, end_offset),
             array_agg(surface ORDER BY start_offset, end_offset), array_agg(role ORDER BY start_offset, end_offset)
        FROM mentions GROUP BY article_id, entity_id`);
    await queryRunner.query(`CREATE INDEX article_entities_entity_idx ON article_entities (entity_id, article_id)`);
    await queryRunner.query(`DROP TABLE mentions`);
    await queryRunner.query(`
      CREATE VIEW mentions AS
      SELECT m.article_id, m.entity_id, u.start_offset, u.end_offset, u.surface, u.role
        FROM article_entities m
        CROSS JOIN LATERAL unnest(m.start_offsets, m.end_offsets, m.surfaces, m.roles) AS u(start_offset, end_offset, surface, role)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW mentions`);
    await queryRunner.query(`
      CREATE TABLE mentions (
        id           bigserial PRIMARY KEY,
        article_id   varchar(32) NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
        entity_id    bigint NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
        start_offset integer NOT NULL,
        end_offset   integer NOT NULL,
        surface      text NOT NULL,
        role         text,
        UNIQUE (article_id, start_offset, end_offset)
      )`);
    await queryRunner.query(`
      INSERT INTO mentions (article_id, entity_id, start_offset, end_offset, surface, role)
      SELECT m.article_id, m.entity_id, u.start_offset, u.end_offset, u.surface, u.role
        FROM article_entities m
        CROSS JOIN LATERAL unnest(m.start_offsets, m.end_offsets, m.surfaces, m.roles) AS u(start_offset, end_offset, surface, role)`);
    await queryRunner.query(`CREATE INDEX mentions_entity_article_idx ON mentions (entity_id, article_id)`);
    await queryRunner.query(`DROP TABLE article_entities`);
  }
}
