/**
 * Entity extraction for news copy: typed entities with canonical identities inside one article,
 * and mentions as UTF-16 offsets into the normalized body; direct quotations with their speakers.
 *
 * Recognition (`Recognizer`) is separate from canonicalization (`canonicalize`). The default
 * recognizer is the trained model committed in `libs/extract/model/` (`npm run train:ner`),
 * read once when this module loads.
 */

import type { ExtractedEntity } from '@wirestream/contracts';
import { createExtractor, type ExtractFn, type ExtractOptions } from './extract';
import { loadModel } from './ner-default';
import { ModelRecognizer, NER_RECOGNIZER_VERSION } from './model-recognizer';
import { extractQuotes, type Quote } from './quotes';

function loadDefault(): { recognizer: ModelRecognizer | null; error: string | null } {
  try {
    return { recognizer: new ModelRecognizer(loadModel()), error: null };
  } catch (error) {
    return { recognizer: null, error: (error as Error).message };
  }
}

const loaded = loadDefault();

/** The default recognizer (the committed model), or null when the model file cannot be read. */
export const defaultRecognizer: ModelRecognizer | null = loaded.recognizer;

/**
 * Identifies what produced an article's entities and quotes: `ner-<semver>+<weights hash>`. Storage
 * ranks results by the first dotted number (the semver); the hash tells retrained models apart.
 */
export const EXTRACTOR_VERSION: string = loaded.recognizer?.version ?? `ner-${NER_RECOGNIZER_VERSION}+unavailable`;

const extractWithModel: ExtractFn | null = loaded.recognizer ? createExtractor(loaded.recognizer) : null;

/** Entities in `body`, sorted by first mention; `key` is `<TYPE>:<canonical name, lowercased>`. */
export function extractEntities(body: string, options?: { headline?: string | null }): ExtractedEntity[] {
  if (!extractWithModel) throw new Error(`the NER model could not be loaded (${loaded.error}); run npm run train:ner`);
  return extractWithModel(body, options satisfies ExtractOptions | undefined);
}

/** An article's entities and its direct quotations with their speakers. */
export interface ArticleExtraction {
  readonly entities: ExtractedEntity[];
  readonly quotes: Quote[];
}

/** Entities (as `extractEntities`) and quotes (as `extractQuotes` over those entities) of one article. */
export function extractArticle(body: string, options?: { headline?: string | null }): ArticleExtraction {
  const entities = extractEntities(body, options);
  return { entities, quotes: extractQuotes(body, entities) };
}

export { createExtractor, type ExtractFn, type ExtractOptions } from './extract';
export { canonicalize, type CanonicalizeInput, type ContextSpan } from './canonicalize';
export type { RecognizedSpan, Recognizer } from './recognizer';
export { ModelRecognizer, NER_RECOGNIZER_VERSION, placeType, spansFromTags, type NerSpan } from './model-recognizer';
export { NerModel, deserializeModel, serializeModel, type NerHeader } from './ner-model';
export { DEFAULT_MODEL_PATH, loadModel } from './ner-default';
export { trainNer, type TrainOptions, type TrainResult, type TrainingDocument, type TrainingEntity } from './ner-train';
export { NER_TYPES, type NerType } from './ner-features';
export { nerTokenize } from './ner-tokenize';
export {
  CONLL_TYPES,
  ChunkScorer,
  chunksOf,
  documentText,
  parseConll,
  spansToChunks,
  trainingDocument,
  type ConllDocument,
  type ConllType,
  type Evaluation,
  type PRF,
  type WordChunk,
} from './conll';
export { extractQuotes, findQuotations, MIN_QUOTE_WORDS, type Quote } from './quotes';
