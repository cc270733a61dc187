/** An expected failure: the command line prints its message without a stack trace. */
export class InfraError extends Error {
  override name = 'InfraError';
}

/** The `code` of a Node system error (ENOENT, ESRCH, …) or of a Postgres error (42P04, …). */
export function errorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
