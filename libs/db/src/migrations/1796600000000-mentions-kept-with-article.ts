import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createStatementTriggers, dropStatementTriggers, type StatementTrigger } from './statement-triggers';

/**
 * An article's mentions become one `article_mentions` row, not one `article_entities` row per entity
 * named (about 28 a story, each with two index entries). The row holds the entities named, as a
 * GIN-indexed array that "articles naming X" reads, and every mention in text order as parallel
 * arrays (its entity, offsets, surface, role). Writing 5,000 articles of 28 entities and 57
 * mentions, the backend's CPU per article was 0.27–0.32 ms as rows and 0.08–0.09 ms as one row
 * (0.05–0.06 with the GIN index's pending list, which reads pay for: below), and the table 104 MB
 * against 21 MB per 10,000 articles. `article_entities` (one row per article and entity) and `mentions` (one per mention)
 * stay, as views.
 *
 * What the old triggers did, new ones do: an article's row goes with it; a deleted entity's mentions
 * leave every row that has them (and a row left with none goes); TRUNCATE of either parent empties it.
 */
export class MentionsKeptWithArticle1796600000000 implements MigrationInterface {
  name = 'MentionsKeptWithArticle1796600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE article_mentions (
        article_id         varchar(32) PRIMARY KEY,
        entity_ids         bigint[] NOT NULL,
        mention_entity_ids bigint[] NOT NULL,
        start_offsets      integer[] NOT NULL,
        end_offsets        integer[] NOT NULL,
        surfaces           text[] NOT NULL,
        roles              text[] NOT NULL,
        CONSTRAINT article_mentions_parallel_arrays CHECK (
          cardinality(entity_ids) > 0
          AND cardinality(mention_entity_ids) >= cardinality(entity_ids)
          AND cardinality(start_offsets) = cardinality(mention_entity_ids)
          AND cardinality(end_offsets) = cardinality(mention_entity_ids)
          AND cardinality(surfaces) = cardinality(mention_entity_ids)
          AND cardinality(roles) = cardinality(mention_entity_ids))
      )`);
    await queryRunner.query(`
      INSERT INTO article_mentions (article_id, entity_ids, mention_entity_ids, start_offsets, end_offsets, surfaces, roles)
      SELECT article_id, array_agg(DISTINCT entity_id ORDER BY entity_id),
             array_agg(entity_id ORDER BY start_offset, end_offset), array_agg(start_offset ORDER BY start_offset, end_offset),
             array_agg(end_offset ORDER BY start_offset, end_offset), array_agg(surface ORDER BY start_offset, end_offset),
             array_agg(role ORDER BY start_offset, end_offset)
        FROM mentions GROUP BY article_id`);
    // Without a pending list, as articles_sketch_idx: every "articles naming X" read would scan
    // the list (up to 4 MB) whole, and a busy pipeline keeps it full. GET /entities?q= took 225 ms
    // at its p50 with one, 4.4 ms without (bench:storage, 6,000 wire stories).
    await queryRunner.query(`CREATE INDEX article_mentions_entities_idx ON article_mentions USING gin (entity_ids) WITH (fastupdate = off)`);

    for (const { table, trigger } of OLD_TRIGGERS) await queryRunner.query(`DROP TRIGGER ${trigger} ON ${table}`);
    for (const name of OLD_FUNCTIONS) await queryRunner.query(`DROP FUNCTION ${name}()`);
    await queryRunner.query(`DROP VIEW mentions`);
    await queryRunner.query(`DROP TABLE article_entities`);
    await queryRunner.query(MENTIONS_VIEW);
    await queryRunner.query(`
      CREATE VIEW article_entities AS
      SELECT article_id, entity_id, array_agg(start_offset ORDER BY start_offset, end_offset) AS start_offsets,
             array_agg(end_offset ORDER BY start_offset, end_offset) AS end_offsets,
             array_agg(surface ORDER BY start_offset, end_offset) AS surfaces, array_agg(role ORDER BY start_offset, end_offset) AS roles
        FROM mentions GROUP BY article_id, entity_id`);

    await createStatementTriggers(queryRunner, NEW_TRIGGERS);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropStatementTriggers(queryRunner, NEW_TRIGGERS);
    await queryRunner.query(`DROP VIEW article_entities`);
    await queryRunner.query(`
      CREATE TABLE article_entities (
        article_id    varchar(32) NOT NULL,
        entity_id     bigint NOT NULL,
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
    await queryRunner.query(`DROP VIEW mentions`);
    await queryRunner.query(`DROP TABLE article_mentions`);
    await queryRunner.query(`
      CREATE VIEW mentions AS
      SELECT m.article_id, m.entity_id, u.start_offset, u.end_offset, u.surface, u.role
        FROM article_entities m
        CROSS JOIN LATERAL unnest(m.start_offsets, m.end_offsets, m.surfaces, m.roles) AS u(start_offset, end_offset, surface, role)`);
    // ArticleEntitiesKeptByWriter's triggers, as it made them.
    await queryRunner.query(`
      CREATE FUNCTION truncate_article_entities() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
      BEGIN
        TRUNCATE article_entities;
        RETURN NULL;
      END $$`);
    for (const { parent, key, column } of [
      { parent: 'articles', key: 'article_id', column: 'article_id' },
      { parent: 'entities', key: 'id', column: 'entity_id' },
    ]) {
      await queryRunner.query(`
        CREATE FUNCTION delete_article_entities_of_${parent}() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
        BEGIN
          DELETE FROM article_entities m USING deleted d WHERE m.${column} = d.${key};
          RETURN NULL;
        END $$`);
      await queryRunner.query(`
        CREATE TRIGGER ${parent}_delete_article_entities AFTER DELETE ON ${parent}
          REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION delete_article_entities_of_${parent}()`);
      await queryRunner.query(`
        CREATE TRIGGER ${parent}_truncate_article_entities AFTER TRUNCATE ON ${parent}
          FOR EACH STATEMENT EXECUTE FUNCTION truncate_article_entities()`);
    }
  }
}

/** One row per mention, in text order within an article. */
const MENTIONS_VIEW = `
  CREATE VIEW mentions AS
  SELECT m.article_id, u.entity_id, u.start_offset, u.end_offset, u.surface, u.role
    FROM article_mentions m
    CROSS JOIN LATERAL unnest(m.mention_entity_ids, m.start_offsets, m.end_offsets, m.surfaces, m.roles)
      AS u(entity_id, start_offset, end_offset, surface, role)`;

const OLD_TRIGGERS = [
  { table: 'articles', trigger: 'articles_delete_article_entities' },
  { table: 'articles', trigger: 'articles_truncate_article_entities' },
  { table: 'entities', trigger: 'entities_delete_article_entities' },
  { table: 'entities', trigger: 'entities_truncate_article_entities' },
] as const;
const OLD_FUNCTIONS = ['delete_article_entities_of_articles', 'delete_article_entities_of_entities', 'truncate_article_entities'] as const;

/** What the foreign keys once did, as statement-level triggers on the parents (`deleted`: the rows a DELETE removed). */
const NEW_TRIGGERS: readonly StatementTrigger[] = [
  {
    table: 'articles',
    event: 'DELETE',
    name: 'delete_article_mentions',
    body: 'DELETE FROM article_mentions m USING deleted d WHERE m.article_id = d.article_id;',
  },
  { table: 'articles', event: 'TRUNCATE', name: 'truncate_article_mentions', body: 'TRUNCATE article_mentions;' },
  {
    table: 'entities',
    event: 'DELETE',
    name: 'unlink_article_mentions',
    // Each row naming a deleted entity keeps its other mentions, in order; a row left with none goes.
    body: `UPDATE article_mentions m
            SET (entity_ids, mention_entity_ids, start_offsets, end_offsets, surfaces, roles) = (
                  SELECT ARRAY(SELECT e FROM unnest(m.entity_ids) e WHERE e NOT IN (SELECT id FROM deleted) ORDER BY e),
                         coalesce(array_agg(u.entity_id ORDER BY u.n), '{}'), coalesce(array_agg(u.start_offset ORDER BY u.n), '{}'),
                         coalesce(array_agg(u.end_offset ORDER BY u.n), '{}'), coalesce(array_agg(u.surface ORDER BY u.n), '{}'),
                         coalesce(array_agg(u.role ORDER BY u.n), '{}')
                    FROM unnest(m.mention_entity_ids, m.start_offsets, m.end_offsets, m.surfaces, m.roles)
                           WITH ORDINALITY AS u(entity_id, start_offset, end_offset, surface, role, n)
                   WHERE u.entity_id NOT IN (SELECT id FROM deleted))
          WHERE m.entity_ids && ARRAY(SELECT id FROM deleted)
            AND EXISTS (SELECT 1 FROM unnest(m.entity_ids) e WHERE e NOT IN (SELECT id FROM deleted));
          DELETE FROM article_mentions m WHERE m.entity_ids <@ ARRAY(SELECT id FROM deleted);`,
  },
  // TRUNCATE entities CASCADE emptied article_entities (CASCADE truncates every referencing table whole).
  { table: 'entities', event: 'TRUNCATE', name: 'truncate_article_mentions_of_entities', body: 'TRUNCATE article_mentions;' },
];
