import type { MigrationInterface, QueryRunner } from 'typeorm';
import { API_READER_ROLE } from './1796700000000-api-keys-and-reader-role';

/**
 * What wire formats say about an item's life (see docs/adr/0014-wire-versions-and-kills.md):
 * - each article keeps the agency's id for the item, its version, publication status with the
 *   reason, embargo and correction flag. Every version of an item is an article row of its own;
 *   which one is current, and whether it may be shown, is decided when it is read;
 * - `wire_kills` records a kill or withdrawal by the agency id it names, whether or not the story
 *   has arrived, so a kill that comes first still hides the story when it does;
 * - an API key may be permitted to see embargoed or killed copy (`permissions`); none is by default.
 */
export class WireVersionsKillsEmbargoes1797300000000 implements MigrationInterface {
  name = 'WireVersionsKillsEmbargoes1797300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE articles
        ADD COLUMN agency_item_id text,
        ADD COLUMN wire_version integer CHECK (wire_version >= 0),
        ADD COLUMN version_label text,
        ADD COLUMN pub_status text NOT NULL DEFAULT 'usable' CHECK (pub_status IN ('usable', 'withheld', 'canceled')),
        ADD COLUMN status_note text,
        ADD COLUMN embargoed_until timestamptz,
        ADD COLUMN correction boolean NOT NULL DEFAULT false`);
    // The versions of an item, and whether a newer one exists: read with every listed article that has an agency id.
    await queryRunner.query(`CREATE INDEX articles_agency_item ON articles (source_id, agency_item_id, wire_version) WHERE agency_item_id IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE wire_kills (
        source_id       text NOT NULL,
        agency_item_id  text NOT NULL,
        pub_status      text NOT NULL CHECK (pub_status IN ('withheld', 'canceled')),
        kill_version    integer,
        reason          text,
        killed_at       timestamptz NOT NULL,
        kill_article_id varchar(32) NOT NULL,
        recorded_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (source_id, agency_item_id)
      )`);
    await queryRunner.query(`GRANT SELECT ON wire_kills TO ${API_READER_ROLE}`);
    await queryRunner.query(`ALTER TABLE api_keys ADD COLUMN permissions text[] NOT NULL DEFAULT '{}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE api_keys DROP COLUMN permissions`);
    await queryRunner.query(`DROP TABLE wire_kills`);
    await queryRunner.query(`DROP INDEX articles_agency_item`);
    await queryRunner.query(`
      ALTER TABLE articles DROP COLUMN agency_item_id, DROP COLUMN wire_version, DROP COLUMN version_label, DROP COLUMN pub_status,
        DROP COLUMN status_note, DROP COLUMN embargoed_until, DROP COLUMN correction`);
  }
}
