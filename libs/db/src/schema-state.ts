import type { DataSource } from 'typeorm';
import { MIGRATIONS } from './data-source';

export interface SchemaState {
  ok: boolean;
  /** Migrations the code has that the database has not run, oldest first. */
  pending: string[];
  detail?: string;
}

/**
 * Whether the database's schema is at the code's migration: every migration in MIGRATIONS is
 * recorded in the `migrations` table. Only reads (TypeORM's own check creates the table when it is
 * missing, which the API's read-only role may not and should not do).
 */
export async function schemaState(dataSource: DataSource): Promise<SchemaState> {
  const expected = MIGRATIONS.map((migration) => new migration().name ?? migration.name);
  let run: Set<string>;
  try {
    const rows: Array<{ name: string }> = await dataSource.query('SELECT name FROM migrations');
    run = new Set(rows.map((row) => row.name));
  } catch (error) {
    if ((error as { code?: string }).code !== '42P01') throw error;
    run = new Set();
  }
  const pending = expected.filter((name) => !run.has(name));
  if (pending.length === 0) return { ok: true, pending };
  return {
    ok: false,
    pending,
    detail: `the database schema is behind the code: ${pending.length} migration(s) not run (${pending.join(', ')}); run \`npm run migration:run\``,
  };
}

/** A readiness check (libs/service-kit's shape) that fails while migrations are pending. */
export function schemaReadiness(dataSource: DataSource): { name: string; check(): Promise<{ ok: boolean; detail?: string }> } {
  return { name: 'schema', check: async () => schemaState(dataSource) };
}
