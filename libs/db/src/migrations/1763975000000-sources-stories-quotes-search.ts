import { salientEntities, type SalienceInput } from '@wirestream/stories';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { versionRank } from '../pipeline-version';

/**
 * Sources, stories and quotes; per-article pipeline version rank, story signatures, full-text
 * search; the indexes the query API needs. Existing articles get their signatures and a story of
 * their own (grouping is not applied retroactively; re-ingesting them groups them).
 */
export class SourcesStoriesQuotesSearch1763975000000 implements MigrationInterface {
  name = 'SourcesStoriesQuotesSearch1763975000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE sources (
        source_id     text PRIMARY KEY,
        first_seen_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      INSERT INTO sources (source_id, first_seen_at, last_seen_at)
      SELECT source_id, min(stored_at), max(updated_at) FROM articles GROUP BY source_id`);
    await queryRunner.query(`ALTER TABLE articles ADD CONSTRAINT articles_source_fk FOREIGN KEY (source_id) REFERENCES sources (source_id)`);

    await queryRunner.query(`
      CREATE TABLE stories (
        id                 bigserial PRIMARY KEY,
        first_article_id   varchar(32) NOT NULL UNIQUE,
        headline           text,
        article_count      integer NOT NULL DEFAULT 0,
        first_published_at timestamptz,
        last_published_at  timestamptz,
        created_at         timestamptz NOT NULL DEFAULT now(),
        updated_at         timestamptz NOT NULL DEFAULT now()
      )`);

    // version_rank: [normalizer major, minor, patch, extractor major, minor, patch], compared as an
    // array, so a newer pipeline result replaces the row and an older one is ignored.
    await queryRunner.query(`
      ALTER TABLE articles
        ADD COLUMN story_id         bigint REFERENCES stories (id) ON DELETE SET NULL,
        ADD COLUMN version_rank     integer[] NOT NULL DEFAULT '{0,0,0,0,0,0}',
        ADD COLUMN simhash          bigint,
        ADD COLUMN shingle_sketch   integer[] NOT NULL DEFAULT '{}',
        ADD COLUMN salient_entities text[] NOT NULL DEFAULT '{}',
        ADD COLUMN sort_at          timestamptz GENERATED ALWAYS AS (coalesce(published_at, fetched_at)) STORED,
        ADD COLUMN search_vector    tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english'::regconfig, coalesce(headline, '')), 'A') ||
          setweight(to_tsvector('english'::regconfig, body), 'B')) STORED`);

    await queryRunner.query(`DROP INDEX articles_source_published_idx`);
    await queryRunner.query(`CREATE INDEX articles_sort_idx ON articles (sort_at DESC, article_id DESC)`);
    await queryRunner.query(`CREATE INDEX articles_source_sort_idx ON articles (source_id, sort_at DESC, article_id DESC)`);
    await queryRunner.query(`CREATE INDEX articles_agency_sort_idx ON articles (lower(originating_agency), sort_at DESC, article_id DESC)`);
    await queryRunner.query(`CREATE INDEX articles_story_idx ON articles (story_id, sort_at)`);
    await queryRunner.query(`CREATE INDEX articles_published_idx ON articles (published_at)`);
    await queryRunner.query(`CREATE INDEX articles_search_idx ON articles USING gin (search_vector)`);
    await queryRunner.query(`CREATE INDEX articles_sketch_idx ON articles USING gin (shingle_sketch) WITH (fastupdate = off)`);
    // Salient entities of dated articles, by key and date: finds accounts of one event (shared
    // entities within days) with plain index range scans.
    await queryRunner.query(`
      CREATE TABLE article_salient_entities (
        entity_key   text NOT NULL,
        published_at timestamptz NOT NULL,
        article_id   varchar(32) NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
        PRIMARY KEY (entity_key, published_at, article_id)
      )`);
    await queryRunner.query(`CREATE INDEX article_salient_entities_article_idx ON article_salient_entities (article_id)`);

    await queryRunner.query(`DROP INDEX mentions_entity_idx`);
    await queryRunner.query(`CREATE INDEX mentions_entity_article_idx ON mentions (entity_id, article_id)`);

    // Entity search by any word (or word prefix) of the canonical name or an alias.
    await queryRunner.query(`
      CREATE FUNCTION entity_search_names(name text, aliases text[]) RETURNS tsvector
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT to_tsvector('simple'::regconfig, name || ' ' || array_to_string(aliases, ' ')) $$`);
    await queryRunner.query(`ALTER TABLE entities ADD COLUMN search_names tsvector GENERATED ALWAYS AS (entity_search_names(canonical_name, aliases)) STORED`);
    await queryRunner.query(`CREATE INDEX entities_search_idx ON entities USING gin (search_names)`);
    await queryRunner.query(`CREATE INDEX entities_name_idx ON entities (lower(canonical_name))`);

    await queryRunner.query(`
      CREATE TABLE quotes (
        id                bigserial PRIMARY KEY,
        article_id        varchar(32) NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
        speaker_entity_id bigint REFERENCES entities (id) ON DELETE SET NULL,
        speaker_text      text,
        text              text NOT NULL,
        start_offset      integer NOT NULL,
        end_offset        integer NOT NULL,
        UNIQUE (article_id, start_offset, end_offset)
      )`);
    await queryRunner.query(`CREATE INDEX quotes_speaker_idx ON quotes (speaker_entity_id, article_id)`);

    await this.backfill(queryRunner);
  }

  /** Version rank, salient entities and a story of its own for every article stored before this migration. */
  private async backfill(queryRunner: QueryRunner): Promise<void> {
    // Near-duplicate signatures come from the normalizer; older rows get one when re-processed and
    // until then join stories by their entities only.
    const articles: Array<{ article_id: string; normalizer_version: string; extractor_version: string }> =
      await queryRunner.query(`SELECT article_id, normalizer_version, extractor_version FROM articles`);
    for (const article of articles) {
      await queryRunner.query(`UPDATE articles SET version_rank = $2 WHERE article_id = $1`, [
        article.article_id,
        versionRank(article.normalizer_version, article.extractor_version),
      ]);
    }
    const entityRows: Array<{ article_id: string; key: string; type: string; starts: number[] }> = await queryRunner.query(`
      SELECT m.article_id, e.key, e.type, array_agg(m.start_offset) AS starts
        FROM mentions m JOIN entities e ON e.id = m.entity_id GROUP BY m.article_id, e.key, e.type`);
    const byArticle = new Map<string, SalienceInput[]>();
    for (const row of entityRows) {
      const list = byArticle.get(row.article_id) ?? [];
      list.push({ key: row.key, type: row.type, mentions: row.starts.map((start) => ({ start })) });
      byArticle.set(row.article_id, list);
    }
    for (const [articleId, entities] of byArticle) {
      await queryRunner.query(`UPDATE articles SET salient_entities = $2 WHERE article_id = $1`, [articleId, salientEntities(entities)]);
    }
    await queryRunner.query(`
      INSERT INTO article_salient_entities (entity_key, published_at, article_id)
      SELECT DISTINCT unnest(salient_entities), published_at, article_id FROM articles WHERE published_at IS NOT NULL`);
    await queryRunner.query(`
      INSERT INTO stories (first_article_id, headline, article_count, first_published_at, last_published_at)
      SELECT article_id, headline, 1, published_at, published_at FROM articles`);
    await queryRunner.query(`UPDATE articles a SET story_id = s.id FROM stories s WHERE s.first_article_id = a.article_id`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE quotes`);
    await queryRunner.query(`DROP TABLE article_salient_entities`);
    await queryRunner.query(`DROP INDEX entities_name_idx`);
    await queryRunner.query(`ALTER TABLE entities DROP COLUMN search_names`);
    await queryRunner.query(`DROP FUNCTION entity_search_names(text, text[])`);
    await queryRunner.query(`DROP INDEX mentions_entity_article_idx`);
    await queryRunner.query(`CREATE INDEX mentions_entity_idx ON mentions (entity_id)`);
    await queryRunner.query(`
      ALTER TABLE articles
        DROP COLUMN search_vector, DROP COLUMN sort_at, DROP COLUMN salient_entities, DROP COLUMN shingle_sketch,
        DROP COLUMN simhash, DROP COLUMN version_rank, DROP COLUMN story_id,
        DROP CONSTRAINT articles_source_fk`);
    await queryRunner.query(`CREATE INDEX articles_source_published_idx ON articles (source_id, published_at DESC)`);
    await queryRunner.query(`DROP TABLE stories`);
    await queryRunner.query(`DROP TABLE sources`);
  }
}
