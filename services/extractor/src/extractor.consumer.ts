import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import { ErrorCode, TOPICS, UnprocessableDocumentError, type NormalizedArticleV1 } from '@wirestream/contracts';
import { ConsumerRunner, record, type ConsumedMessage, type OutgoingRecord } from '@wirestream/kafka';
import { enrichArticle, extractorVersion } from '@wirestream/extract';
import { ATTR_WIRESTREAM_ENTITY_COUNT, ATTR_WIRESTREAM_EXTRACTOR_VERSION, ATTR_WIRESTREAM_QUOTE_COUNT } from '@wirestream/telemetry';
import { EXTRACTOR_CONFIG, type ExtractorConfig } from './extractor.config';

/** news.normalized.v1 → entities and quotes (extractArticle) → news.enriched.v1. */
@Injectable()
export class ExtractorConsumer implements OnApplicationBootstrap {
  /** Asked for when the service starts: it loads the NER model then, so the first message does not wait for it. */
  private readonly extractorVersion = extractorVersion();

  constructor(
    private readonly runner: ConsumerRunner,
    @Inject(EXTRACTOR_CONFIG) private readonly config: ExtractorConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.runner.start({
      stage: 'extractor',
      topic: TOPICS.normalized,
      processMessage: async (message) => this.extract(message),
    });
  }

  private extract(message: ConsumedMessage<NormalizedArticleV1>): OutgoingRecord[] {
    const { schemaVersion: _version, ...article } = message.value;
    if (article.body.length > this.config.EXTRACTOR_MAX_BODY_CHARS) {
      throw new UnprocessableDocumentError(`body of ${article.body.length} chars exceeds EXTRACTOR_MAX_BODY_CHARS=${this.config.EXTRACTOR_MAX_BODY_CHARS}`, { code: ErrorCode.OVERSIZE });
    }
    const enriched = enrichArticle(article, this.extractorVersion);
    const { entities, quotes } = enriched;
    trace.getActiveSpan()?.setAttributes({
      [ATTR_WIRESTREAM_ENTITY_COUNT]: entities.length,
      [ATTR_WIRESTREAM_QUOTE_COUNT]: quotes?.length ?? 0,
      [ATTR_WIRESTREAM_EXTRACTOR_VERSION]: this.extractorVersion,
    });
    return [record(TOPICS.enriched, article.articleId, enriched)];
  }
}
