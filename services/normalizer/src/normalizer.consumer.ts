import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { TOPICS, type RawDocumentV1 } from '@wirestream/contracts';
import { ConsumerRunner, record, type ConsumedMessage, type OutgoingRecord } from '@wirestream/kafka';
import { loadLanguageDetector, normalizeDocument } from '@wirestream/normalize';

/** news.raw.v1 → normalizeDocument → news.normalized.v1. */
@Injectable()
export class NormalizerConsumer implements OnApplicationBootstrap {
  constructor(private readonly runner: ConsumerRunner) {}

  async onApplicationBootstrap(): Promise<void> {
    // Before consuming, so the first story does not wait the 0.3 s the model takes to load.
    loadLanguageDetector();
    await this.runner.start({
      stage: 'normalizer',
      topic: TOPICS.raw,
      processMessage: async (message) => this.normalize(message),
    });
  }

  private normalize(message: ConsumedMessage<RawDocumentV1>): OutgoingRecord[] {
    // A dateline's "Jan 6" is read as the latest such day not after the document was fetched.
    const article = normalizeDocument(message.value, { referenceDate: new Date(message.value.fetchedAt) });
    return [record(TOPICS.normalized, article.articleId, { schemaVersion: 1, ...article })];
  }
}
