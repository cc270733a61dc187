import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { context, trace, type Span } from '@opentelemetry/api';
import { TOPICS, type EnrichedArticleV2 } from '@wirestream/contracts';
import { ArticleStore } from '@wirestream/db';
import { ConsumerRunner, type ConsumedMessage, type OutgoingRecord } from '@wirestream/kafka';
import { inSpan, linkTo, SpanKind } from '@wirestream/telemetry';
import { classifyPostgresError } from './postgres-errors';
import { observeStoryLatency } from './story-latency';

const tracer = trace.getTracer('wirestream-storage');

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

  /**
   * Each story gets its own span, child of the extractor's, open until the batch is durable; the
   * shared transaction runs in a batch span linked to every story's span (its Postgres spans hang
   * under it).
   */
  private async storeBatch(messages: ConsumedMessage<EnrichedArticleV2>[]): Promise<OutgoingRecord[]> {
    const storySpans: Span[] = messages.map((message) =>
      tracer.startSpan(
        `storage ${TOPICS.enriched}`,
        {
          kind: SpanKind.CONSUMER,
          attributes: {
            'messaging.system': 'kafka',
            'messaging.destination.name': message.topic,
            'wirestream.article_id': message.value.articleId,
            'wirestream.entity_count': message.value.entities.length,
            'wirestream.batch_size': messages.length,
          },
        },
        message.traceContext,
      ),
    );
    const inputs = messages.map((message, index) => ({ message: message.value, traceId: storySpans[index].spanContext().traceId }));
    const links = storySpans.flatMap((span) => linkTo(trace.setSpan(context.active(), span)));
    try {
      await inSpan('wirestream-storage', 'storage write batch', { links, attributes: { 'wirestream.batch_size': messages.length } }, async () => {
        try {
          await this.store.saveBatch(inputs);
        } catch (error) {
          throw classifyPostgresError(error);
        }
      });
    } catch (error) {
      storySpans.forEach((span) => span.recordException(error as Error));
      throw error;
    } finally {
      storySpans.forEach((span) => span.end());
    }
    observeStoryLatency(messages.map((message) => message.value.article.fetchedAt));
    return [];
  }
}
