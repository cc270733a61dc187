import { defaultLog, type LogOption } from '../infra-log';
import { errorCode, errorMessage, InfraError } from '../infra-error';
import { withAdminClient } from './admin-connection';

// Postgres's answers when another session created the database between our check and CREATE.
const DUPLICATE_DATABASE = '42P04';
const UNIQUE_VIOLATION = '23505';

export interface EnsuredDatabases {
  created: string[];
  existing: string[];
}

export interface DatabaseStatus {
  reachable: boolean;
  /** host:port of the server, null when unreachable. */
  where: string | null;
  existing: string[];
  missing: string[];
  /** Why the server could not be reached, null when it was. */
  error: string | null;
}

const quoteIdentifier = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Creates each missing database; never drops or alters anything. */
export async function ensureDatabases(names: readonly string[], { log = defaultLog }: LogOption = {}): Promise<EnsuredDatabases> {
  return withAdminClient(async (client, where) => {
    const created: string[] = [];
    const existing: string[] = [];
    for (const name of names) {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if ((rowCount ?? 0) > 0) {
        existing.push(name);
        continue;
      }
      try {
        await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
        created.push(name);
      } catch (err) {
        const code = errorCode(err);
        if (code === DUPLICATE_DATABASE || code === UNIQUE_VIOLATION) existing.push(name);
        else throw new InfraError(`Could not create database ${name} on ${where}: ${errorMessage(err)}`, { cause: err });
      }
    }
    const summary = [...created.map((name) => `${name} (created)`), ...existing.map((name) => `${name} (exists)`)];
    log(`Postgres at ${where}: ${summary.join(', ')}.`);
    return { created, existing };
  });
}

/** Which of `names` exist, without creating anything; an unreachable server is a status, not an error. */
export async function databaseStatus(names: readonly string[]): Promise<DatabaseStatus> {
  try {
    return await withAdminClient(async (client, where) => {
      const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname = ANY($1)', [names]);
      const existing = rows.map((row) => row.datname);
      const missing = names.filter((name) => !existing.includes(name));
      return { reachable: true, where, existing, missing, error: null };
    });
  } catch (err) {
    if (!(err instanceof InfraError)) throw err;
    return { reachable: false, where: null, existing: [], missing: [...names], error: err.message };
  }
}
