/**
 * Stable codes for why a stage failed on a message: dead letters record them, `dlq list` groups
 * by them, dashboards and alerts may match them. Messages change wording; a code never changes
 * meaning (add a new one instead).
 */
export enum ErrorCode {
  // The message itself (permanent: dead-lettered).
  /** A Kafka value that is empty or not JSON. */
  MESSAGE_NOT_JSON = 'MESSAGE_NOT_JSON',
  /** JSON that breaks its topic's schema (consumed or about to be produced). */
  MESSAGE_SCHEMA_INVALID = 'MESSAGE_SCHEMA_INVALID',
  /** A document, file, body or message larger than a configured limit. */
  OVERSIZE = 'OVERSIZE',
  /** XML that is not well-formed. */
  XML_MALFORMED = 'XML_MALFORMED',
  /** XML with a DTD internal subset or entity declarations, refused before parsing. */
  XML_DTD_REFUSED = 'XML_DTD_REFUSED',
  /** JSON that does not parse. */
  JSON_MALFORMED = 'JSON_MALFORMED',
  /** Text in a charset wirestream cannot decode. */
  CHARSET_UNDECODABLE = 'CHARSET_UNDECODABLE',
  /** A document that is none of the formats its reader reads. */
  FORMAT_UNRECOGNIZED = 'FORMAT_UNRECOGNIZED',
  /** A recognised format wirestream does not read (yet), or not by this reader. */
  FORMAT_UNSUPPORTED = 'FORMAT_UNSUPPORTED',
  /** No headline and no body text left after normalization. */
  BODY_EMPTY = 'BODY_EMPTY',
  /** Any other document a stage cannot make sense of. */
  DOCUMENT_UNPROCESSABLE = 'DOCUMENT_UNPROCESSABLE',
  /** A fetch refused for its address (private or operator-forbidden ranges). */
  FETCH_ADDRESS_FORBIDDEN = 'FETCH_ADDRESS_FORBIDDEN',
  /** A URL whose scheme is not http or https. */
  FETCH_SCHEME_UNSUPPORTED = 'FETCH_SCHEME_UNSUPPORTED',
  FETCH_TOO_MANY_REDIRECTS = 'FETCH_TOO_MANY_REDIRECTS',
  /** A response body whose content encoding (gzip, br, …) could not be undone. */
  FETCH_BODY_UNDECODABLE = 'FETCH_BODY_UNDECODABLE',
  /** An HTTP status that retrying will not change (4xx other than 408 and 429). */
  FETCH_HTTP_STATUS = 'FETCH_HTTP_STATUS',
  /** Data the database refused (a bad value, a violated constraint). */
  DATA_REJECTED = 'DATA_REJECTED',

  // Outside the message (transient: retried, never dead-lettered).
  /** The broker or the producer's connection is away. */
  BROKER_UNAVAILABLE = 'BROKER_UNAVAILABLE',
  /** The broker refused the producer's sequence numbers: it sends again under a new producer id. */
  PRODUCER_RESET = 'PRODUCER_RESET',
  /** The database is away, or cannot store now (locks, resources, schema not yet migrated). */
  DATABASE_UNAVAILABLE = 'DATABASE_UNAVAILABLE',
  /** Another instance wrote the same rows meanwhile, again and again. */
  WRITE_CONFLICT = 'WRITE_CONFLICT',
  /** A fetch worth trying later (network, timeout, 5xx, 408, 429). */
  FETCH_FAILED = 'FETCH_FAILED',

  /** An error of no class above: retried a few times, then dead-lettered with this code. */
  UNCLASSIFIED = 'UNCLASSIFIED',
}

/** What a pipeline error is constructed with: its code, and the error it wraps, if any. */
export interface PipelineErrorOptions extends ErrorOptions {
  code: ErrorCode;
}

/**
 * The two kinds of failure a stage can have. The consumer runner retries transient ones (broker
 * or database away, timeouts) and parks permanent ones (the message itself is bad) in the stage's
 * dead-letter topic. Errors of any other class are retried a few times, then parked.
 * Each carries a stable `code`; an error it wraps stays its `cause`.
 */
export class PermanentError extends Error {
  override readonly name: string = 'PermanentError';
  readonly code: ErrorCode;

  constructor(message: string, options: PipelineErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
  }
}

export class TransientError extends Error {
  override readonly name: string = 'TransientError';
  readonly code: ErrorCode;

  constructor(message: string, options: PipelineErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
  }
}

/** A message that is not JSON, or does not match its topic's schema. */
export class InvalidMessageError extends PermanentError {
  override readonly name = 'InvalidMessageError';

  constructor(message: string, options: Partial<PipelineErrorOptions> = {}) {
    super(message, { ...options, code: options.code ?? ErrorCode.MESSAGE_SCHEMA_INVALID });
  }
}

/** A document a stage cannot make sense of (malformed, oversize, unsupported). */
export class UnprocessableDocumentError extends PermanentError {
  override readonly name = 'UnprocessableDocumentError';

  constructor(message: string, options: Partial<PipelineErrorOptions> = {}) {
    super(message, { ...options, code: options.code ?? ErrorCode.DOCUMENT_UNPROCESSABLE });
  }
}

const ERROR_CODES = new Set<string>(Object.values(ErrorCode));

/**
 * The stable code of a failure: its own, else the nearest one among the errors it wraps (an
 * unclassified wrapper keeps what it wraps), else UNCLASSIFIED. Codes of other origins (Node's
 * `ECONNREFUSED`, Postgres' SQLSTATE) are not ours and are passed over.
 */
export function errorCodeOf(error: unknown): ErrorCode {
  const seen = new Set<unknown>();
  for (let current = error; current instanceof Error && !seen.has(current); current = current.cause) {
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && ERROR_CODES.has(code)) return code as ErrorCode;
  }
  return ErrorCode.UNCLASSIFIED;
}
