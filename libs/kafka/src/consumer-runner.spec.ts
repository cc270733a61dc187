import { ErrorCode, InvalidMessageError, normalizedArticleOf, PermanentError, TOPICS, TransientError, type NormalizedArticleV1 } from '@wirestream/contracts';
import { pipelineMetrics } from '@wirestream/telemetry';
import type { EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { transientBackoffMs, whereFrom } from './consumer-failures';
import { ConsumerRunner } from './consumer-runner';
import type { PerMessageConsumerSpec } from './consumer-spec';
import { kafkaOptionsFromEnv } from './kafka.config';
import { preparedRecord, type MessageProducer, type PreparedRecord } from './message-producer';
import type { OutgoingRecord } from './outgoing-record';

/** A producer that records what would be sent. */
function fakeProducer() {
  const sent: PreparedRecord[][] = [];
  const producer = {
    prepare: (outgoing: OutgoingRecord): PreparedRecord =>
      preparedRecord(outgoing.topic, outgoing.topic, { key: outgoing.key, value: JSON.stringify(outgoing.value), headers: outgoing.headers }),
    sendPrepared: async (records: PreparedRecord[]) => {
      sent.push(records);
    },
  };
  return { producer: producer as unknown as MessageProducer, sent };
}

function message(offset: number, value: string): KafkaMessage {
  return { offset: String(offset), key: Buffer.from(`key-${offset}`), value: Buffer.from(value), headers: {}, timestamp: '0', attributes: 0 };
}

function batchPayload(messages: KafkaMessage[], partition = 0) {
  const resolved: string[] = [];
  const payload = {
    batch: { topic: 'news.normalized.v1', partition, highWatermark: String(messages.length), messages },
    resolveOffset: (offset: string) => resolved.push(offset),
    heartbeat: async () => undefined,
    commitOffsetsIfNecessary: async () => undefined,
    isRunning: () => true,
    isStale: () => false,
  } as unknown as EachBatchPayload;
  return { payload, resolved };
}

const validArticle = (headline: string) =>
  JSON.stringify({ schemaVersion: 1, ...normalizedArticleOf({ body: 'Body text.', headline }) } satisfies NormalizedArticleV1);

describe('ConsumerRunner batch handling', () => {
  const options = { ...kafkaOptionsFromEnv('test', {}), maxAttempts: 2 };

  function run(processMessage: PerMessageConsumerSpec<typeof TOPICS.normalized>['processMessage'], messages: KafkaMessage[]) {
    const { producer, sent } = fakeProducer();
    const runner = new ConsumerRunner({} as Kafka, producer, options);
    const { payload, resolved } = batchPayload(messages);
    const spec: PerMessageConsumerSpec<typeof TOPICS.normalized> = { stage: 'extractor', topic: TOPICS.normalized, processMessage };
    const done = runner.batchHandler(spec)(payload);
    return { done, sent, resolved };
  }

  const forward = async (consumed: { value: NormalizedArticleV1 }) => [
    { topic: TOPICS.enriched, key: consumed.value.articleId, value: { headline: consumed.value.headline } as never },
  ];

  it('processes the batches of partitions consumed at the same time as one unit: one produce request', async () => {
    const { producer, sent } = fakeProducer();
    const runner = new ConsumerRunner({} as Kafka, producer, options);
    const spec: PerMessageConsumerSpec<typeof TOPICS.normalized> = { stage: 'extractor', topic: TOPICS.normalized, processMessage: forward as never };
    const handle = runner.batchHandler(spec);
    const first = batchPayload([message(0, validArticle('one')), message(1, validArticle('two'))], 0);
    const second = batchPayload([message(0, validArticle('three'))], 1);
    await Promise.all([handle(first.payload), handle(second.payload)]);
    expect(sent).toHaveLength(1);
    expect(sent[0].map((record) => JSON.parse(record.message.value as string).headline)).toEqual(['one', 'two', 'three']);
    expect(first.resolved).toEqual(['0', '1']);
    expect(second.resolved).toEqual(['0']);
  });

  it('never makes a unit larger than the batch size', async () => {
    const { producer, sent } = fakeProducer();
    const runner = new ConsumerRunner({} as Kafka, producer, { ...options, batchSize: 2 });
    const spec: PerMessageConsumerSpec<typeof TOPICS.normalized> = { stage: 'extractor', topic: TOPICS.normalized, processMessage: forward as never };
    const handle = runner.batchHandler(spec);
    const payloads = [0, 1, 2].map((partition) => batchPayload([message(0, validArticle(`p${partition}`)), message(1, validArticle(`q${partition}`))], partition));
    await Promise.all(payloads.map(({ payload }) => handle(payload)));
    expect(sent.map((records) => records.length)).toEqual([2, 2, 2]);
    expect(payloads.map(({ resolved }) => resolved)).toEqual([['0', '1'], ['0', '1'], ['0', '1']]);
  });

  it('parks a message that is not JSON in the dead-letter topic and processes the rest', async () => {
    const { done, sent, resolved } = run(forward as never, [message(0, validArticle('one')), message(1, '{broken'), message(2, validArticle('two'))]);
    await done;
    const topics = sent.flat().map((record) => record.topic);
    expect(topics).toEqual([TOPICS.enriched, TOPICS.enriched, 'news.dlq.extractor.v1']);
    const letter = JSON.parse(sent.flat()[2].message.value as string);
    expect(letter).toMatchObject({ key: 'key-1', value: '{broken', errorClass: InvalidMessageError.name, errorCode: ErrorCode.MESSAGE_NOT_JSON, attempts: 1 });
    expect(resolved).toEqual(['0', '1', '2']);
  });

  it('dead-letters a permanent failure at once, with its reason, counted by its code', async () => {
    const counted = async () =>
      (await pipelineMetrics.deadLettered.get()).values.find((value) => value.labels.stage === 'extractor' && value.labels.code === 'DOCUMENT_UNPROCESSABLE')?.value ?? 0;
    const before = await counted();
    const calls: string[] = [];
    const { done, sent } = run(async (consumed) => {
      calls.push(consumed.offset);
      if (consumed.offset === '0') throw new PermanentError('unprocessable document', { code: ErrorCode.DOCUMENT_UNPROCESSABLE });
      return forward(consumed as never);
    }, [message(0, validArticle('bad')), message(1, validArticle('good'))]);
    await done;
    expect(calls).toEqual(['0', '1']);
    const letter = JSON.parse(sent.flat().find((record) => record.topic === 'news.dlq.extractor.v1')!.message.value as string);
    expect(letter).toMatchObject({ errorClass: 'PermanentError', errorMessage: 'unprocessable document', errorCode: 'DOCUMENT_UNPROCESSABLE', attempts: 1 });
    expect(await counted()).toBe(before + 1);
  });

  it('retries an unclassified error up to the attempt limit, then dead-letters it', async () => {
    let attempts = 0;
    const { done, sent } = run(async () => {
      attempts++;
      throw new TypeError('bug in a stage');
    }, [message(0, validArticle('x'))]);
    await done;
    expect(attempts).toBe(2);
    expect(JSON.parse(sent.flat()[0].message.value as string)).toMatchObject({ errorClass: 'TypeError', errorCode: 'UNCLASSIFIED', attempts: 2 });
  });

  it('holds the partition on a transient failure and retries, dead-lettering nothing', async () => {
    let failuresLeft = 1;
    const { done, sent, resolved } = run(async (consumed) => {
      if (failuresLeft-- > 0) throw new TransientError('postgres unavailable', { code: ErrorCode.DATABASE_UNAVAILABLE });
      return forward(consumed as never);
    }, [message(0, validArticle('x'))]);
    await done;
    expect(sent.flat().map((record) => record.topic)).toEqual([TOPICS.enriched]);
    expect(resolved).toEqual(['0']);
  });
});

describe('ConsumerRunner when kafkajs gives a consumer up', () => {
  const options = kafkaOptionsFromEnv('test', {});

  /** A kafkajs client whose consumers do nothing but let the test raise their CRASH event and fail or hold their connect. */
  function fakeKafka(connects: Array<() => Promise<void>> = []) {
    const consumers: Array<{ crash: (restart: boolean) => void; disconnected: boolean }> = [];
    const kafka = {
      consumer: jest.fn(() => {
        let onCrash: (event: { payload: { restart: boolean; error: Error } }) => void = () => undefined;
        const made = { crash: (restart: boolean) => onCrash({ payload: { restart, error: new Error('Failed to find group coordinator') } }), disconnected: false };
        const connect = connects[consumers.length] ?? (async () => undefined);
        consumers.push(made);
        return {
          events: { CRASH: 'consumer.crash' },
          on: (_event: string, handler: typeof onCrash) => (onCrash = handler),
          connect,
          subscribe: async () => undefined,
          run: async () => undefined,
          disconnect: async () => {
            made.disconnected = true;
          },
        };
      }),
    };
    return { kafka, consumers, runner: new ConsumerRunner(kafka as unknown as Kafka, fakeProducer().producer, options) };
  }
  const spec: PerMessageConsumerSpec<typeof TOPICS.normalized> = { stage: 'extractor', topic: TOPICS.normalized, processMessage: async () => [] };

  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  /** How many crashes of the spec's stage the metric counts with this recovery. */
  const crashesCounted = async (recovery: string) =>
    (await pipelineMetrics.consumerCrashes.get()).values.find((value) => value.labels.stage === spec.stage && value.labels.recovery === recovery)?.value ?? 0;

  it('starts a new consumer after a pause when kafkajs will not restart the crashed one, and counts the crash', async () => {
    const { kafka, consumers, runner } = fakeKafka();
    await runner.start(spec);
    const before = await crashesCounted('replaced');
    consumers[0].crash(false);
    expect(await crashesCounted('replaced')).toBe(before + 1);
    expect(kafka.consumer).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(5_000);
    expect(kafka.consumer).toHaveBeenCalledTimes(2);
    expect(kafka.consumer.mock.calls[1]).toEqual(kafka.consumer.mock.calls[0]);
  });

  it('waits twice as long each time a replacement crashes soon after it started, or fails to start', async () => {
    const { kafka, consumers, runner } = fakeKafka([async () => undefined, async () => undefined, async () => Promise.reject(new Error('refused'))]);
    await runner.start(spec);
    consumers[0].crash(false);
    await jest.advanceTimersByTimeAsync(5_000);
    consumers[1].crash(false);
    await jest.advanceTimersByTimeAsync(9_999);
    expect(kafka.consumer).toHaveBeenCalledTimes(2);
    await jest.advanceTimersByTimeAsync(1);
    // The third fails to connect: it is disconnected and the fourth comes 20 s later.
    expect(kafka.consumer).toHaveBeenCalledTimes(3);
    expect(consumers[2].disconnected).toBe(true);
    await jest.advanceTimersByTimeAsync(19_999);
    expect(kafka.consumer).toHaveBeenCalledTimes(3);
    await jest.advanceTimersByTimeAsync(1);
    expect(kafka.consumer).toHaveBeenCalledTimes(4);
  });

  it('leaves a consumer kafkajs restarts itself to kafkajs, and starts none while shutting down', async () => {
    const { kafka, consumers, runner } = fakeKafka();
    await runner.start(spec);
    const before = await crashesCounted('kafkajs-restart');
    consumers[0].crash(true);
    expect(await crashesCounted('kafkajs-restart')).toBe(before + 1);
    await jest.advanceTimersByTimeAsync(5_000);
    expect(kafka.consumer).toHaveBeenCalledTimes(1);
    consumers[0].crash(false);
    await runner.beforeApplicationShutdown();
    await jest.advanceTimersByTimeAsync(60_000);
    expect(kafka.consumer).toHaveBeenCalledTimes(1);
  });

  it('disconnects a replacement that was still starting when the service began to stop', async () => {
    let connected: () => void = () => undefined;
    const { consumers, runner } = fakeKafka([async () => undefined, () => new Promise<void>((resolve) => (connected = resolve))]);
    await runner.start(spec);
    consumers[0].crash(false);
    await jest.advanceTimersByTimeAsync(5_000);
    const stopped = runner.beforeApplicationShutdown();
    connected();
    await stopped;
    expect(consumers[1].disconnected).toBe(true);
  });
});

describe('transientBackoffMs', () => {
  it('doubles from half a second and stops growing at thirty', () => {
    const top = () => 1;
    expect([1, 2, 3, 7, 12].map((attempt) => transientBackoffMs(attempt, top))).toEqual([500, 1000, 2000, 10_000, 10_000]);
    expect(transientBackoffMs(1, () => 0)).toBe(250);
  });
});

describe('whereFrom', () => {
  it("names a raw document's source and URI, and an article's, for dead-letter log lines", () => {
    expect(whereFrom({ source: { id: 'kuna' }, documentUri: '/drop/a.xml' })).toBe(' source=kuna uri=/drop/a.xml');
    expect(whereFrom({ article: { sourceId: 'rss', documentUri: 'https://wire.example/1' } })).toBe(' source=rss uri=https://wire.example/1');
    expect(whereFrom({ sourceId: 'rss', documentUri: 'https://wire.example/2' })).toBe(' source=rss uri=https://wire.example/2');
    expect(whereFrom(null)).toBe('');
    expect(whereFrom({ source: { id: 42 } })).toBe('');
  });
});
