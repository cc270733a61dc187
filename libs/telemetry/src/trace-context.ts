import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Link, type Span } from '@opentelemetry/api';

type HeaderValue = Buffer | string | (Buffer | string)[] | undefined;

const headerGetter = {
  keys: (carrier: Record<string, HeaderValue>) => Object.keys(carrier),
  get: (carrier: Record<string, HeaderValue>, key: string) => {
    const value = carrier[key];
    const first = Array.isArray(value) ? value[0] : value;
    return first === undefined ? undefined : first.toString();
  },
};

/** The trace context a producer put in a Kafka message's headers (W3C traceparent). */
export function contextFromHeaders(headers: Record<string, HeaderValue> | undefined): Context {
  return propagation.extract(ROOT_CONTEXT, headers ?? {}, headerGetter);
}

/** W3C trace headers for the given context, to put on an outgoing Kafka message. */
export function headersFromContext(ctx: Context = context.active()): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  return carrier;
}

/** The trace id of the active span, or null when there is none. */
export function currentTraceId(ctx: Context = context.active()): string | null {
  const spanContext = trace.getSpan(ctx)?.spanContext();
  return spanContext && trace.isSpanContextValid(spanContext) ? spanContext.traceId : null;
}

/**
 * Runs `work` inside a new span that is a child of `parent`, ending it with the outcome.
 * The span is active during `work`, so messages produced there carry it downstream.
 */
export async function inSpan<T>(
  tracerName: string,
  spanName: string,
  options: { parent?: Context; kind?: SpanKind; attributes?: Attributes; links?: Link[] },
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const tracer = trace.getTracer(tracerName);
  const parent = options.parent ?? context.active();
  return tracer.startActiveSpan(spanName, { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes, links: options.links }, parent, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      markSpanFailed(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Records `error` on `span` and marks the span failed: how every span here ends on an error. */
export function markSpanFailed(span: Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
}

/** A link from a span to the span active in `ctx`: how a batch span points at each message's trace. */
export function linkTo(ctx: Context): Link[] {
  const spanContext = trace.getSpan(ctx)?.spanContext();
  return spanContext && trace.isSpanContextValid(spanContext) ? [{ context: spanContext }] : [];
}

export { SpanKind };
