/**
 * The extractor over the committed model. The model (1.6 MB) is read on first use, not when the
 * library is imported: the extractor service asks for `extractorVersion()` at startup, which reads
 * it then, so the first message does not wait for it.
 */

import type { ExtractedEntity } from '@wirestream/contracts';
import { createExtractor, type ExtractFn, type ExtractOptions } from './extract';
import { ModelRecognizer } from './model-recognizer';
import { loadModel } from './ner-model-file';
import { extractQuotes, QUOTE_RULES_VERSION, type Quote } from './quotes';

let committed: { recognizer: ModelRecognizer; extract: ExtractFn } | undefined;

function loadCommitted(): { recognizer: ModelRecognizer; extract: ExtractFn } {
  if (!committed) {
    let recognizer: ModelRecognizer;
    try {
      recognizer = new ModelRecognizer(loadModel());
    } catch (error) {
      throw new Error(`the NER model could not be loaded (${(error as Error).message}); run npm run train:ner`, { cause: error });
    }
    committed = { recognizer, extract: createExtractor(recognizer) };
  }
  return committed;
}

/** The recognizer over the committed model (`libs/extract/model/ner-model.bin`), read on first call. */
export function defaultRecognizer(): ModelRecognizer {
  return loadCommitted().recognizer;
}

/**
 * Identifies what produced an article's entities and quotes:
 * `ner-<semver>+<weights hash>.quotes-<QUOTE_RULES_VERSION>` (semver build metadata). Storage ranks
 * results by the first dotted number (the NER semver); the hash tells retrained models apart and
 * `quotes-<n>` the quote rules, neither of them ranks.
 */
export function extractorVersion(): string {
  return `${loadCommitted().recognizer.version}.quotes-${QUOTE_RULES_VERSION}`;
}

/** Entities in `body`, sorted by first mention; `key` is `<TYPE>:<canonical name, lowercased>`. */
export function extractEntities(body: string, options?: ExtractOptions): ExtractedEntity[] {
  return loadCommitted().extract(body, options);
}

/** An article's entities and its direct quotations with their speakers. */
export interface ArticleExtraction {
  readonly entities: ExtractedEntity[];
  readonly quotes: Quote[];
}

/** Entities (as `extractEntities`) and quotes (as `extractQuotes` over those entities) of one article. */
export function extractArticle(body: string, options?: ExtractOptions): ArticleExtraction {
  const entities = extractEntities(body, options);
  // Quotes are found in the body: a speaker is looked for among the body's mentions only.
  const inBody = entities
    .map((entity) => ({ ...entity, mentions: entity.mentions.filter((mention) => mention.field === undefined) }))
    .filter((entity) => entity.mentions.length > 0);
  return { entities, quotes: extractQuotes(body, inBody) };
}
