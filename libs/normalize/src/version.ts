/**
 * Stamped on every normalized article, so stored rows say which rules produced them and a
 * re-normalization after a rule change can find what is stale. Bump on any output change.
 */
export const NORMALIZER_VERSION = '0.5.0';
