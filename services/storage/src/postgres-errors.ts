import { ErrorCode, PermanentError, TransientError } from '@wirestream/contracts';

/**
 * SQLSTATE classes that say something is wrong outside the message: the connection (08), the
 * credentials (28), the database name (3D), the schema or the role's privileges (42: missing
 * relation or column, permission denied), resources (53), the operator (57), a conflict (40), a
 * read-only transaction (25006). Each message would fail the same way, so dead-lettering it would
 * empty the topic into the dead-letter topic while the database is being fixed: hold and retry.
 */
const OUTSIDE_THE_MESSAGE = /^(08|28|3D|42|53|57|40)|^25006$/;

/**
 * Sorts a Postgres failure into retry or dead-letter. Connection loss, server shutdown, lock and
 * serialization conflicts, resource exhaustion and a database not (yet) fit to store pass; data
 * errors (bad values, violated constraints) will fail again on every retry.
 */
export function classifyPostgresError(error: unknown): Error {
  // Already classified (the store's own retries): its code is ours, not a SQLSTATE.
  if (error instanceof TransientError || error instanceof PermanentError) return error;
  const err = error as { code?: string; message?: string };
  const code = err.code ?? '';
  const message = err.message ?? String(error);
  const transientNetwork = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN'];
  if (transientNetwork.includes(code) || /terminat|Connection|timeout|not queryable|ECONN/i.test(message)) {
    return new TransientError(`postgres unavailable: ${message}`, { code: ErrorCode.DATABASE_UNAVAILABLE, cause: error });
  }
  if (OUTSIDE_THE_MESSAGE.test(code)) return new TransientError(`postgres cannot store now (${code}): ${message}`, { code: ErrorCode.DATABASE_UNAVAILABLE, cause: error });
  if (/^(22|23)/.test(code)) return new PermanentError(`postgres rejected the data (${code}): ${message}`, { code: ErrorCode.DATA_REJECTED, cause: error });
  return error instanceof Error ? error : new Error(message, { cause: error });
}
