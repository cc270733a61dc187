import { ErrorCode, PermanentError, TransientError } from '@wirestream/contracts';

/** Why a fetch was refused: each is a property of the URL or the response, so retrying cannot help. */
export type RefusalReason =
  | 'forbidden-address'
  | 'unsupported-scheme'
  | 'too-many-redirects'
  | 'body-too-large'
  | 'undecodable-body'
  | 'http-status';

/** The stable code dead letters record for each reason. */
const REFUSAL_CODES: Record<RefusalReason, ErrorCode> = {
  'forbidden-address': ErrorCode.FETCH_ADDRESS_FORBIDDEN,
  'unsupported-scheme': ErrorCode.FETCH_SCHEME_UNSUPPORTED,
  'too-many-redirects': ErrorCode.FETCH_TOO_MANY_REDIRECTS,
  'body-too-large': ErrorCode.OVERSIZE,
  'undecodable-body': ErrorCode.FETCH_BODY_UNDECODABLE,
  'http-status': ErrorCode.FETCH_HTTP_STATUS,
};

/** A fetch refused for good: counted and dead-lettered for its source, never retried. */
export class FetchRefusedError extends PermanentError {
  override readonly name = 'FetchRefusedError';
  constructor(
    readonly reason: RefusalReason,
    message: string,
    readonly status: number | null = null,
    options: ErrorOptions = {},
  ) {
    super(message, { ...options, code: REFUSAL_CODES[reason] });
  }
}

/** A fetch that failed in a way worth trying again later (network, timeout, 5xx, 429). */
export class FetchFailedError extends TransientError {
  override readonly name = 'FetchFailedError';
  constructor(
    message: string,
    readonly status: number | null = null,
    /** From the server's Retry-After header: how long it asked us to wait, in ms. */
    readonly retryAfterMs: number | null = null,
    options: ErrorOptions = {},
  ) {
    super(message, { ...options, code: ErrorCode.FETCH_FAILED });
  }
}
