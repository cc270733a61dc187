import { PermanentError, TransientError } from '@wirestream/contracts';

/**
 * Sorts a Postgres failure into retry or dead-letter. Connection loss, server shutdown, lock and
 * serialization conflicts and resource exhaustion pass; data errors (bad values, violated
 * constraints) will fail again on every retry.
 */
export function classifyPostgresError(error: unknown): Error {
  const err = error as { code?: string; message?: string };
  const code = err.code ?? '';
  const message = err.message ?? String(error);
  const transientNetwork = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN'];
  if (
    transientNetwork.includes(code) ||
    /^(08|53|57P|40)/.test(code) || // connection, resources, operator intervention, rollback
    /terminat|Connection|timeout|not queryable|ECONN/i.test(message)
  ) {
    return new TransientError(`postgres unavailable: ${message}`);
  }
  if (/^(22|23)/.test(code)) return new PermanentError(`postgres rejected the data (${code}): ${message}`);
  return error instanceof Error ? error : new Error(message);
}
