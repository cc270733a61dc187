import { MAX_MESSAGE_BYTES, TOPICS, TransientError } from '@wirestream/contracts';
import { pipelineMetrics } from '@wirestream/telemetry';
import { KafkaJSNonRetriableError, KafkaJSProtocolError, type Kafka } from 'kafkajs';
import { kafkaOptionsFromEnv } from './kafka.config';
import { lostSequenceError, MessageProducer, preparedRecord, requestsWithin, type PreparedRecord } from './message-producer';

/** A broker refusal as kafkajs builds it, from its table entry for the error code (its typings say Error). */
function protocolError(type: string, code: number, message: string): KafkaJSProtocolError {
  return new KafkaJSProtocolError({ message, type, code, retriable: false } as unknown as Error);
}

/** The refusal a send rejects with: bare, or (from a retrier that gave up) wrapped. */
function outOfOrderSequence(wrapped = false): Error {
  const refusal = protocolError('OUT_OF_ORDER_SEQUENCE_NUMBER', 45, 'The broker received an out of order sequence number');
  return wrapped ? Object.assign(new KafkaJSNonRetriableError(refusal), { cause: refusal }) : refusal;
}

/**
 * A kafkajs client whose producers count their batches and disconnects; the sends fail with the
 * `failures` given, in order, and producer N's connect is `connects[N]` when given.
 */
function fakeKafka(failures: Array<Error | null>, connects: Array<() => Promise<void>> = []) {
  const producers: Array<{ sent: number; disconnects: number; batches: string[][] }> = [];
  const kafka = {
    producer: jest.fn(() => {
      const made = { sent: 0, disconnects: 0, batches: [] as string[][] };
      const connect = connects[producers.length] ?? (async () => undefined);
      producers.push(made);
      return {
        connect,
        disconnect: async () => {
          made.disconnects++;
        },
        sendBatch: async ({ topicMessages }: { topicMessages: Array<{ messages: Array<{ key: string }> }> }) => {
          made.batches.push(topicMessages.flatMap((group) => group.messages.map((message) => message.key)));
          await Promise.resolve();
          const failure = failures.shift();
          if (failure) throw failure;
          made.sent++;
        },
      };
    }),
  };
  return { kafka: kafka as unknown as Kafka, producers };
}

const record = preparedRecord(TOPICS.enriched, TOPICS.enriched, { key: 'a', value: '{}' });

describe('lostSequenceError', () => {
  it('finds the refusal inside the errors kafkajs wraps it in, and nothing in other errors', () => {
    expect(lostSequenceError(outOfOrderSequence())).toBe('OUT_OF_ORDER_SEQUENCE_NUMBER');
    expect(lostSequenceError(outOfOrderSequence(true))).toBe('OUT_OF_ORDER_SEQUENCE_NUMBER');
    expect(lostSequenceError(protocolError('UNKNOWN_PRODUCER_ID', 59, 'x'))).toBe('UNKNOWN_PRODUCER_ID');
    expect(lostSequenceError(protocolError('NOT_LEADER_FOR_PARTITION', 6, 'x'))).toBeNull();
    expect(lostSequenceError(new Error('connect ECONNREFUSED'))).toBeNull();
    expect(lostSequenceError('not an error')).toBeNull();
  });
});

describe('requestsWithin', () => {
  const sized = (key: string, valueBytes: number): PreparedRecord => preparedRecord(TOPICS.raw, TOPICS.raw, { key, value: 'x'.repeat(valueBytes) });

  it('keeps records in order, in as few runs as fit the limit with their keys and framing', () => {
    const records = [sized('a', 400), sized('b', 400), sized('c', 400), sized('d', 2000)];
    const runs = requestsWithin(records, 1000);
    expect(runs.map((run) => run.map((prepared) => prepared.message.key))).toEqual([['a', 'b'], ['c'], ['d']]);
    expect(requestsWithin(records, 10_000)).toEqual([records]);
    expect(requestsWithin([], 1000)).toEqual([]);
  });
});

describe('MessageProducer', () => {
  const options = kafkaOptionsFromEnv('test', {});

  const replacementsCounted = async (reason: string) =>
    (await pipelineMetrics.producerReplacements.get()).values.find((value) => value.labels.reason === reason)?.value ?? 0;

  it('replaces a producer whose sequence numbers the broker refused, and asks for the send to be retried', async () => {
    const { kafka, producers } = fakeKafka([outOfOrderSequence()]);
    const producer = new MessageProducer(kafka, options);
    await producer.onModuleInit();
    const before = await replacementsCounted('sequence-refused');
    await expect(producer.sendPrepared([record])).rejects.toBeInstanceOf(TransientError);
    expect(await replacementsCounted('sequence-refused')).toBe(before + 1);
    expect(producers).toHaveLength(2);
    expect(producers[0].disconnects).toBe(1);
    await producer.sendPrepared([record]);
    expect(producers.map((made) => made.sent)).toEqual([0, 1]);
  });

  it('replaces it once when concurrent sends are refused together, and disconnects it once both have settled', async () => {
    const { kafka, producers } = fakeKafka([outOfOrderSequence(), outOfOrderSequence(true)]);
    const producer = new MessageProducer(kafka, options);
    await producer.onModuleInit();
    const outcomes = await Promise.allSettled([producer.sendPrepared([record]), producer.sendPrepared([record])]);
    expect(outcomes.map((outcome) => outcome.status === 'rejected' && outcome.reason instanceof TransientError)).toEqual([true, true]);
    expect(producers).toHaveLength(2);
    expect(producers[0].disconnects).toBe(1);
  });

  it('replaces a replacement that fails to connect on the next send, without an unhandled rejection', async () => {
    const { kafka, producers } = fakeKafka([outOfOrderSequence()], [async () => undefined, async () => Promise.reject(new Error('connect ECONNREFUSED'))]);
    const producer = new MessageProducer(kafka, options);
    await producer.onModuleInit();
    await expect(producer.sendPrepared([record])).rejects.toBeInstanceOf(TransientError);
    await expect(producer.sendPrepared([record])).rejects.toThrow(/could not connect \(connect ECONNREFUSED\)/);
    await producer.sendPrepared([record]);
    expect(producers.map((made) => made.sent)).toEqual([0, 0, 1]);
  });

  it('sends two documents that together exceed what the broker takes in one batch as two requests, in order', async () => {
    const { kafka, producers } = fakeKafka([]);
    const producer = new MessageProducer(kafka, options);
    await producer.onModuleInit();
    const big = (key: string): PreparedRecord => preparedRecord(TOPICS.raw, TOPICS.raw, { key, value: 'x'.repeat(MAX_MESSAGE_BYTES / 2) });
    await producer.sendPrepared([big('first'), big('second'), record]);
    expect(producers[0].batches).toEqual([['first'], ['second', 'a']]);
  });

  it('keeps its producer through any other failure, which it passes on as it is', async () => {
    const refusal = protocolError('NOT_LEADER_FOR_PARTITION', 6, 'not the leader');
    const { kafka, producers } = fakeKafka([refusal]);
    const producer = new MessageProducer(kafka, options);
    await producer.onModuleInit();
    await expect(producer.sendPrepared([record])).rejects.toBe(refusal);
    await producer.sendPrepared([record]);
    expect(producers.map((made) => made.sent)).toEqual([1]);
    expect(producers[0].disconnects).toBe(0);
  });
});
