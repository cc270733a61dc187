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
export { extractQuotes, findQuotations, QUOTE_RULES_VERSION, SHORT_QUOTE_WORDS, type Quote } from './quotes';

// The model's building blocks, for the trainer and the benchmark (tools/ner-training).
export { viterbi } from './bilou-decoder';
export type { EmissionTable } from './emission-tables';
export { DOC_FEATURES, LOCAL_FEATURES, documentFeatures, localFeatures } from './ner-features';
export { DEFAULT_MODEL_PATH, deserializeModel, loadModel, serializeModel, type SerializedStage } from './ner-model-file';
export { NER_TYPES, NUM_TAGS, POS_B, POS_I, POS_L, POS_U, TAG_O, makeTag, tagName, type NerType } from './ner-tags';
export { nerTokenize } from './ner-tokenize';
export { analyze, type Analysis } from './token-analysis';
export { CLUSTER_PREFIXES, DEFAULT_CLUSTERS_PATH, WordClusters, activeClusters, loadClusters, setActiveClusters } from './word-clusters';
export { packageGazetteerEnabled, setPackageGazetteer } from './package-gazetteer';
export { enrichArticle } from './enrich-article';
