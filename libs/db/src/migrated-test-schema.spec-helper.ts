import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from './data-source';

const BASE_URL = process.env.WIRESTREAM_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/wirestream_test';

/** A schema of a suite's own in the project's test database, migrated, with a DataSource on it. */
export interface MigratedTestSchema {
  readonly name: string;
  /** The test database's URL with the schema as search_path, for a second pool on it. */
  readonly url: string;
  readonly dataSource: DataSource;
  /** Drops the schema and closes the DataSource. */
  drop(): Promise<void>;
}

/** Each run gets its own schema (`<prefix>_<pid>`), so it cannot disturb other suites. */
export async function migratedTestSchema(prefix: string): Promise<MigratedTestSchema> {
  const name = `${prefix}_${process.pid}`;
  const url = `${BASE_URL}?options=${encodeURIComponent(`-c search_path=${name}`)}`;
  const admin = new Client({ connectionString: BASE_URL });
  await admin.connect();
  try {
    await admin.query(`DROP SCHEMA IF EXISTS ${name} CASCADE; CREATE SCHEMA ${name}`);
  } finally {
    await admin.end();
  }
  const dataSource = createDataSource(url);
  await dataSource.initialize();
  await dataSource.runMigrations();
  return {
    name,
    url,
    dataSource,
    async drop() {
      await dataSource.query(`DROP SCHEMA ${name} CASCADE`);
      await dataSource.destroy();
    },
  };
}
