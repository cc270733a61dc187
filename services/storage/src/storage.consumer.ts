import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { TOPICS, type EnrichedArticleV3 } from '@wirestream/contracts';
import { ArticleStore } from '@wirestream/db';
import { ConsumerRunner, inBatchSpans, type ConsumedMessage, type OutgoingRecord } from '@wirestream/kafka';
import { ATTR_WIRESTREAM_ARTICLE_ID, ATTR_WIRESTREAM_ENTITY_COUNT, currentTraceId } from '@wirestream/telemetry';
import { classifyPostgresError } from './postgres-errors';
import { observeStoryLatency } from './story-latency';

const STORAGE_CONSUMER = { stage: 'storage', topic: TOPICS.enriched } as const;

/** news.enriched.v1 → one Postgres transaction per batch; offsets commit after it does. */
@Injectable()
export class StorageConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly runner: ConsumerRunner,
    private readonly store: ArticleStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.runner.start({
      ...STORAGE_CONSUMER,
      processBatch: async (messages) => this.storeBatch(messages),
    });
  }

  /**
   * Each story gets its own span, child of the extractor's, open until the batch is durable; the
   * shared transaction runs in a batch span linked to every story's span (its Postgres spans hang
   * under it).
   */
  private async storeBatch(messages: ConsumedMessage<EnrichedArticleV3>[]): Promise<OutgoingRecord[]> {
    const attributesOf = (message: ConsumedMessage<EnrichedArticleV3>) => ({
      [ATTR_WIRESTREAM_ARTICLE_ID]: message.value.articleId,
      [ATTR_WIRESTREAM_ENTITY_COUNT]: message.value.entities.length,
    });
    await inBatchSpans(STORAGE_CONSUMER, messages, { batchSpanName: 'storage write batch', attributesOf }, async (storyContexts) => {
      const inputs = messages.map((message, index) => ({ message: message.value, traceId: currentTraceId(storyContexts[index]) }));
      try {
        await this.store.saveBatch(inputs);
      } catch (error) {
        throw classifyPostgresError(error);
      }
    });
    observeStoryLatency(messages.map((message) => message.value.article.fetchedAt));
    return [];
  }
}
