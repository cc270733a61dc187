import { Writable } from 'node:stream';
import { createLogger } from './logger';
import { startTelemetry } from './start-telemetry';
import { currentTraceId, inSpan } from './trace-context';

describe('createLogger', () => {
  const telemetry = startTelemetry('test', { env: {} });
  afterAll(() => telemetry.shutdown());

  function capture() {
    const lines: Array<Record<string, unknown>> = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()));
        done();
      },
    });
    return { lines, logger: createLogger('wirestream-test', 'info', destination) };
  }

  it('writes JSON lines with the service, level and message', () => {
    const { lines, logger } = capture();
    logger.info({ context: 'Test' }, 'hello');
    expect(lines[0]).toMatchObject({ service: 'wirestream-test', level: 'info', context: 'Test', msg: 'hello' });
    expect(lines[0]).not.toHaveProperty('trace_id');
  });

  it('stamps lines written inside a span with its trace and span ids', async () => {
    const { lines, logger } = capture();
    const traceId = await inSpan('test', 'work', {}, async (span) => {
      logger.warn('inside');
      expect(lines[0].span_id).toBe(span.spanContext().spanId);
      return currentTraceId();
    });
    expect(lines[0].trace_id).toBe(traceId);
  });

  it('drops lines below its level', () => {
    const { lines, logger } = capture();
    logger.debug('quiet');
    expect(lines).toHaveLength(0);
  });
});
