import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Articles, canonical entities and the mentions that join them. */
export class InitialSchema1763888400000 implements MigrationInterface {
  name = 'InitialSchema1763888400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE articles (
        article_id          varchar(32) PRIMARY KEY,
        source_id           text NOT NULL,
        document_uri        text NOT NULL,
        canonical_url       text,
        headline            text,
        subheadline         text,
        dateline_place      text,
        dateline_date_text  text,
        dateline_agency     text,
        byline_text         text,
        byline_names        text[] NOT NULL DEFAULT '{}',
        byline_emails       text[] NOT NULL DEFAULT '{}',
        published_at        timestamptz,
        published_at_source text,
        publisher           text,
        originating_agency  text,
        credits             text[] NOT NULL DEFAULT '{}',
        section             text,
        language            text,
        body                text NOT NULL,
        captions            text[] NOT NULL DEFAULT '{}',
        word_count          integer NOT NULL,
        content_hash        char(64) NOT NULL,
        normalizer_version  text NOT NULL,
        extractor_version   text NOT NULL,
        trace_id            varchar(32),
        fetched_at          timestamptz NOT NULL,
        stored_at           timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX articles_source_published_idx ON articles (source_id, published_at DESC)`);
    await queryRunner.query(`CREATE INDEX articles_content_hash_idx ON articles (content_hash)`);
    await queryRunner.query(`
      CREATE TABLE entities (
        id             bigserial PRIMARY KEY,
        key            text NOT NULL UNIQUE,
        canonical_name text NOT NULL,
        type           text NOT NULL,
        aliases        text[] NOT NULL DEFAULT '{}',
        created_at     timestamptz NOT NULL DEFAULT now()
      )`);
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
    await queryRunner.query(`CREATE INDEX mentions_entity_idx ON mentions (entity_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE mentions`);
    await queryRunner.query(`DROP TABLE entities`);
    await queryRunner.query(`DROP TABLE articles`);
  }
}
