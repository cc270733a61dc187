import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { TOPICS, type EnrichedArticleV1 } from '@wirestream/contracts';
import { ArticleStore } from '@wirestream/db';
import { ConsumerRunner, type ConsumedMessage, type OutgoingRecord } from '@wirestream/kafka';
import { currentTraceId, inSpan, SpanKind } from '@wirestream/telemetry';
import { classifyPostgresError } from './postgres-errors';

/** news.enriched.v1 → one Postgres transaction per batch; offsets commit after it does. */
@Injectable()
export class StorageConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly runner: ConsumerRunner,
    private readonly store: ArticleStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.runner.start({
      stage: 'storage',
      topic: TOPICS.enriched,
      processBatch: async (messages) => this.storeBatch(messages),
    });
  }

  private async storeBatch(messages: ConsumedMessage<EnrichedArticleV1>[]): Promise<OutgoingRecord[]> {
    // One span per story keeps each story's trace whole, though the write is shared by the batch.
    const inputs = await Promise.all(
      messages.map((message) =>
        inSpan('wirestream-storage', `storage ${TOPICS.enriched}`, { parent: message.traceContext, kind: SpanKind.CONSUMER, attributes: { 'wirestream.article_id': message.value.articleId, 'wirestream.batch_size': messages.length } }, async () => ({
          message: message.value,
          traceId: currentTraceId(),
        })),
      ),
    );
    try {
      await this.store.saveBatch(inputs);
    } catch (error) {
      throw classifyPostgresError(error);
    }
    return [];
  }
}
