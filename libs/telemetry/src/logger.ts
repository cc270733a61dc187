import { trace } from '@opentelemetry/api';
import pino, { type Logger } from 'pino';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug' | 'trace';

/**
 * Structured JSON logs on stdout, one object per line. Every line written inside a span carries
 * its trace_id and span_id, so a log line leads to the story's trace and back.
 */
export function createLogger(serviceName: string, level: LogLevel = 'info', destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: serviceName },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin() {
        const spanContext = trace.getActiveSpan()?.spanContext();
        return spanContext && trace.isSpanContextValid(spanContext) ? { trace_id: spanContext.traceId, span_id: spanContext.spanId } : {};
      },
    },
    destination,
  );
}

export type { Logger };
