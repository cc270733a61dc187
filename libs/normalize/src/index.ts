/**
 * Pure normalizer logic: raw documents (wire text, web pages, feed items) in, normalized articles
 * out. No Kafka, Nest or database code lives here; the normalizer service wraps this library.
 */
export { NORMALIZER_VERSION } from './version';
export { normalizeDocument, type NormalizeOptions } from './normalize-document';
export { nearDuplicateSignature, type NearDuplicateSignature } from './near-duplicate';
export { loadLanguageDetector } from './language';
