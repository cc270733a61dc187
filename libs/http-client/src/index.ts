export { addressRange, addressRefusal, guardedLookup, type AddressRange } from './address-guard';
export { FetchFailedError, FetchRefusedError, type RefusalReason } from './errors';
export {
  DEFAULT_FETCH_LIMITS,
  DEFAULT_USER_AGENT,
  HttpClient,
  type CacheValidators,
  type FetchLimits,
  type FetchRequest,
  type FetchOutcome,
  type FetchResult,
  type HttpClientOptions,
} from './http-client';
export { backoffDelayMs, HostGate, parseRetryAfter, type BackoffPolicy, type HostGateOptions } from './politeness';
