/**
 * Entity extraction for news copy: typed entities with canonical identities inside one article,
 * and mentions as UTF-16 offsets into the normalized body; direct quotations with their speakers.
 *
 * Recognition (`Recognizer`) is separate from canonicalization (`canonicalize`). The default
 * recognizer is the trained model committed in `libs/extract/model/` (`npm run train:ner`),
 * read on first use.
 */

export {
  defaultRecognizer,
  extractArticle,
  extractEntities,
  extractorVersion,
  type ArticleExtraction,
} from './default-extractor';
export { createExtractor, type ExtractFn, type ExtractOptions } from './extract';
export { canonicalize, type CanonicalizeInput, type ContextSpan } from './canonicalize';
export type { RecognizedSpan, Recognizer } from './recognizer';
export { ModelRecognizer, NER_RECOGNIZER_VERSION, placeType, spansFromTags, type NerSpan } from './model-recognizer';
export { NerModel, type NerHeader } from './ner-model';
export { DEFAULT_MODEL_PATH, deserializeModel, loadModel, serializeModel } from './ner-model-file';
export { trainNer, type TrainOptions, type TrainResult, type TrainingDocument, type TrainingEntity } from './ner-train';
export { NER_TYPES, type NerType } from './ner-tags';
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
