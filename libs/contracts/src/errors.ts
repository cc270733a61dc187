/**
 * The two kinds of failure a stage can have. The consumer runner retries transient ones (broker
 * or database away, timeouts) and parks permanent ones (the message itself is bad) in the stage's
 * dead-letter topic. Errors of any other class are retried a few times, then parked.
 */
export class PermanentError extends Error {
  override readonly name: string = 'PermanentError';
}

export class TransientError extends Error {
  override readonly name: string = 'TransientError';
}

/** A message that is not JSON, or does not match its topic's schema. */
export class InvalidMessageError extends PermanentError {
  override readonly name = 'InvalidMessageError';
}

/** A document a stage cannot make sense of (malformed, oversize, unsupported). */
export class UnprocessableDocumentError extends PermanentError {
  override readonly name = 'UnprocessableDocumentError';
}
