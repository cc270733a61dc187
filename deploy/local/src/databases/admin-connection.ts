import type { Client } from 'pg';
import { databaseUrlSetting } from '../infra-environment';
import { errorCode, errorMessage, InfraError } from '../infra-error';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const PROJECT_DATABASES: readonly string[] = ['wirestream', 'wirestream_test'];
const CONNECT_TIMEOUT_MS = 5000;

/** The database a DATABASE_URL names, unless it names none or the server's `postgres` database. */
export function databaseNamedByUrl(databaseUrl: string | undefined): string | null {
  if (!databaseUrl) return null;
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    return null; // adminConnection() names the problem
  }
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  return name && name !== 'postgres' ? name : null;
}

/**
 * The project's databases, and the one DATABASE_URL names when it names another: `infra:up` with
 * DATABASE_URL=postgres://…/newsdesk creates `newsdesk` too, so `migration:run` finds it.
 */
export function projectDatabases(databaseUrl: string | undefined = databaseUrlSetting()): string[] {
  const named = databaseNamedByUrl(databaseUrl);
  return named && !PROJECT_DATABASES.includes(named) ? [...PROJECT_DATABASES, named] : [...PROJECT_DATABASES];
}

export interface AdminConnection {
  connectionString: string;
  /** host:port, for messages (never the password). */
  where: string;
}

/** The admin connection: DATABASE_URL's server, always its `postgres` database. */
export function adminConnection(databaseUrl: string | undefined): AdminConnection {
  let url: URL;
  try {
    url = new URL(databaseUrl ?? DEFAULT_DATABASE_URL);
  } catch {
    throw new InfraError('DATABASE_URL is not a valid URL (expected postgres://user[:password]@host:port/database).');
  }
  if (!/^postgres(ql)?:$/.test(url.protocol)) {
    throw new InfraError(`DATABASE_URL must start with postgres:// (got ${url.protocol}//…).`);
  }
  url.pathname = '/postgres';
  const where = `${url.hostname || 'localhost'}:${url.port || 5432}`;
  return { connectionString: url.toString(), where };
}

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EAI_AGAIN', 'ECONNRESET']);

/** A failed connect as one line saying what to do: unreachable server, or the server's own reason. */
export function describeConnectError(err: unknown, where: string): InfraError {
  // Node reports a failed connect to a name with several addresses as an AggregateError.
  const inner = err instanceof AggregateError ? err.errors : ((err as { errors?: unknown[] } | null)?.errors ?? []);
  const codes = [errorCode(err), ...inner.map(errorCode)];
  const message = errorMessage(err);
  if (codes.some((code) => code !== undefined && UNREACHABLE_CODES.has(code)) || /timeout/i.test(message)) {
    return new InfraError(`Postgres not reachable at ${where} — start it, or set DATABASE_URL.`, { cause: err });
  }
  return new InfraError(`Could not connect to Postgres at ${where}: ${message} — check DATABASE_URL.`, { cause: err });
}

/** `pg`, loaded only when a database is touched: the Kafka commands work without it. */
function loadPg(): typeof import('pg') {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily on purpose
    return require('pg') as typeof import('pg');
  } catch (err) {
    if (errorCode(err) === 'MODULE_NOT_FOUND' && /'pg'/.test(errorMessage(err))) {
      throw new InfraError("The 'pg' package is not installed: run `npm install` in the repo root.");
    }
    throw err;
  }
}

/** Runs `action` on a connection to the server's `postgres` database, closed afterwards. */
export async function withAdminClient<T>(action: (client: Client, where: string) => Promise<T>): Promise<T> {
  const { Client: PgClient } = loadPg();
  const { connectionString, where } = adminConnection(databaseUrlSetting());
  const client = new PgClient({ connectionString, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => {});
    throw describeConnectError(err, where);
  }
  try {
    return await action(client, where);
  } finally {
    await client.end().catch(() => {});
  }
}
