import { context, trace, type Attributes, type Context, type Span } from '@opentelemetry/api';
import { errorCodeOf, type Stage, type Topic } from '@wirestream/contracts';
import {
  ATTR_ERROR_TYPE,
  ATTR_MESSAGING_DESTINATION_NAME,
  ATTR_MESSAGING_SYSTEM,
  ATTR_WIRESTREAM_ARTICLE_ID,
  ATTR_WIRESTREAM_BATCH_SIZE,
  inSpan,
  linkTo,
  markSpanFailed,
  MESSAGING_SYSTEM_VALUE_KAFKA,
  SpanKind,
} from '@wirestream/telemetry';
import type { ConsumedMessage } from './consumed-message';

/** Which consumer a span belongs to: its stage names the tracer, its topic the span. */
export interface SpanConsumer {
  stage: Stage;
  topic: Topic;
}

/**
 * Runs `work` in the consumer span of one message: a child of the producer's span (the context
 * read from the message's headers), active while `work` runs, so what it produces continues the
 * story's trace. A failed span's `error.type` is the failure's ErrorCode, as its dead letter records it.
 */
export function inMessageSpan<V, T>(consumer: SpanConsumer, message: ConsumedMessage<V>, work: (span: Span) => Promise<T>, attributes: Attributes = {}): Promise<T> {
  return inSpan(
    tracerName(consumer),
    spanName(consumer),
    { parent: message.traceContext, kind: SpanKind.CONSUMER, attributes: { ...messageAttributes(message), ...attributes } },
    async (span) => {
      try {
        return await work(span);
      } catch (error) {
        span.setAttribute(ATTR_ERROR_TYPE, errorCodeOf(error));
        throw error;
      }
    },
  );
}

export interface BatchSpanOptions<V> {
  /** The name of the span `work` runs in. */
  batchSpanName: string;
  /** Attributes of each message's own span, beside the messaging ones. */
  attributesOf?: (message: ConsumedMessage<V>) => Attributes;
}

/**
 * Runs `work` for a batch. kafkajs' eachBatch gives no message its producer's context, so each
 * message gets its own consumer span here, a child of the producer's span read from its own
 * headers and open until `work` ends: each story's trace continues through this stage. `work`
 * runs in one batch span that links to all of them (its database spans hang under it), and is
 * given each message's span context, by index: the parent of anything produced for that message
 * (`context.with`) and the source of its trace id.
 */
export async function inBatchSpans<V, T>(
  consumer: SpanConsumer,
  messages: ConsumedMessage<V>[],
  options: BatchSpanOptions<V>,
  work: (messageContexts: Context[]) => Promise<T>,
): Promise<T> {
  const tracer = trace.getTracer(tracerName(consumer));
  const batchSize = { [ATTR_WIRESTREAM_BATCH_SIZE]: messages.length };
  const messageSpans = messages.map((message) =>
    tracer.startSpan(
      spanName(consumer),
      { kind: SpanKind.CONSUMER, attributes: { ...messageAttributes(message), ...options.attributesOf?.(message), ...batchSize } },
      message.traceContext,
    ),
  );
  const messageContexts = messageSpans.map((span) => trace.setSpan(context.active(), span));
  try {
    return await inSpan(tracerName(consumer), options.batchSpanName, { links: messageContexts.flatMap(linkTo), attributes: batchSize }, () => work(messageContexts));
  } catch (error) {
    for (const span of messageSpans) {
      span.setAttribute(ATTR_ERROR_TYPE, errorCodeOf(error));
      markSpanFailed(span, error);
    }
    throw error;
  } finally {
    messageSpans.forEach((span) => span.end());
  }
}

function tracerName(consumer: SpanConsumer): string {
  return `wirestream-${consumer.stage}`;
}

function spanName(consumer: SpanConsumer): string {
  return `${consumer.stage} ${consumer.topic}`;
}

/** The attributes every consumed message's span carries: where it came from, and the story's article id (its key). */
function messageAttributes<V>(message: ConsumedMessage<V>): Attributes {
  return {
    [ATTR_MESSAGING_SYSTEM]: MESSAGING_SYSTEM_VALUE_KAFKA,
    [ATTR_MESSAGING_DESTINATION_NAME]: message.topic,
    [ATTR_WIRESTREAM_ARTICLE_ID]: message.key ?? '',
  };
}
