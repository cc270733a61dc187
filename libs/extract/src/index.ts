/**
 * Entity extraction for news copy: typed entities with canonical identities inside one article,
 * and mentions as UTF-16 offsets into the normalized body. Pure TypeScript: no I/O.
 *
 * Recognition (`Recognizer`) is separate from canonicalization (`canonicalize`), so the rule
 * recognizer here can be swapped for a trained model without changing identities or roles.
 */

import type { ExtractedEntity } from '@wirestream/contracts';
import { createExtractor, type ExtractOptions } from './extract';
import { RuleRecognizer } from './rule-recognizer';

const defaultRecognizer = new RuleRecognizer();

/** Identifies the recognizer and rules that produced an article's entities. */
export const EXTRACTOR_VERSION: string = defaultRecognizer.version;

const extractWithRules = createExtractor(defaultRecognizer);

/** Entities in `body`, sorted by first mention; `key` is `<TYPE>:<canonical name, lowercased>`. */
export function extractEntities(body: string, options?: { headline?: string | null }): ExtractedEntity[] {
  return extractWithRules(body, options satisfies ExtractOptions | undefined);
}

export { createExtractor, type ExtractFn, type ExtractOptions } from './extract';
export { canonicalize, type CanonicalizeInput, type ContextSpan } from './canonicalize';
export { RuleRecognizer, type FallbackPolicy, type RuleRecognizerOptions } from './rule-recognizer';
export type { RecognizedSpan, Recognizer } from './recognizer';
