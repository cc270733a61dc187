import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The role the query API connects as (API_DATABASE_URL): it reads, and writes nothing but a key's last use. */
export const API_READER_ROLE = 'wirestream_api';

/** What the API reads; a migration that gives it another table or view to read grants it there. */
const READ_BY_API = ['articles', 'entities', 'article_mentions', 'article_entities', 'mentions', 'quotes', 'stories', 'api_keys', 'migrations'];

/**
 * API keys, kept only as salted SHA-256 hashes of their secret part, and the API's own read-only
 * role. Roles belong to the whole Postgres cluster, so the role is created once (LOGIN without a
 * password: it cannot log in until the operator gives it one, except on a trust-auth server, where
 * any role can) and left in place by `down`, since another database may use it. The grants are this
 * schema's.
 */
export class ApiKeysAndReaderRole1796700000000 implements MigrationInterface {
  name = 'ApiKeysAndReaderRole1796700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE api_keys (
        key_id       varchar(12) PRIMARY KEY,
        name         text NOT NULL,
        salt         bytea NOT NULL,
        secret_hash  bytea NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at   timestamptz
      )`);
    // One live key per name, so `revoke <name>` is unambiguous; revoked keys stay, for the record.
    await queryRunner.query(`CREATE UNIQUE INDEX api_keys_live_name ON api_keys (name) WHERE revoked_at IS NULL`);
    // Test files migrate their own schemas at once: a role another transaction just created is not an error.
    await queryRunner.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${API_READER_ROLE}') THEN
          IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = current_user AND (rolcreaterole OR rolsuper)) THEN
            RAISE EXCEPTION 'role ${API_READER_ROLE} does not exist and % may not create it: CREATE ROLE ${API_READER_ROLE} LOGIN PASSWORD ''…'' as an administrator, then migrate again', current_user;
          END IF;
          BEGIN
            CREATE ROLE ${API_READER_ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT;
          EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
          END;
        END IF;
      END $$`);
    await queryRunner.query(`DO $$ BEGIN EXECUTE format('GRANT USAGE ON SCHEMA %I TO ${API_READER_ROLE}', current_schema()); END $$`);
    await queryRunner.query(`GRANT SELECT ON ${READ_BY_API.join(', ')} TO ${API_READER_ROLE}`);
    await queryRunner.query(`GRANT UPDATE (last_used_at) ON api_keys TO ${API_READER_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`REVOKE ALL ON ${READ_BY_API.filter((name) => name !== 'api_keys').join(', ')} FROM ${API_READER_ROLE}`);
    await queryRunner.query(`DO $$ BEGIN EXECUTE format('REVOKE USAGE ON SCHEMA %I FROM ${API_READER_ROLE}', current_schema()); END $$`);
    await queryRunner.query(`DROP TABLE api_keys`);
  }
}
