/**
 * The seam between recognition and canonicalization. A recognizer finds typed spans in text; it
 * knows nothing about identities across the article. `extractEntities` feeds its spans to the
 * canonicalizer, which is recognizer-agnostic: another model can replace the trained one without
 * touching coreference, aliases or roles.
 */

import type { EntityType } from '@wirestream/contracts';

export interface RecognizedSpan {
  /** UTF-16 offset into the recognized text, inclusive. */
  readonly start: number;
  /** UTF-16 offset into the recognized text, exclusive. */
  readonly end: number;
  readonly type: EntityType;
  /**
   * A title in apposition the recognizer saw before a PERSON ("Foreign Minister"). Optional: when
   * absent the canonicalizer looks for one in the text before the span itself.
   */
  readonly role?: string | null;
}

export interface Recognizer {
  /** Goes into the extractor version, e.g. 'ner-1.1.0+1afb497e'. */
  readonly version: string;
  /**
   * Typed, non-overlapping spans in `text`. A model trained on CoNLL may emit LOC for countries
   * and cities, may include possessives or titles, and may miss the article's later short forms:
   * the canonicalizer corrects all of these.
   */
  recognize(text: string): RecognizedSpan[];
}
