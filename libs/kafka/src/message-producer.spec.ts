import { TOPICS, TransientError } from '@wirestream/contracts';
import { KafkaJSNonRetriableError, KafkaJSProtocolError, type Kafka } from 'kafkajs';
import { kafkaOptionsFromEnv } from './kafka-config';
import { lostSequenceError, MessageProducer, type PreparedRecord } from './message-producer';

/** A broker refusal as kafkajs builds it, from its table entry for the error code (its typings say Error). */
function protocolError(type: string, code: number, message: string): KafkaJSProtocolError {
  return new KafkaJSProtocolError({ message, type, code, retriable: false } as unknown as Error);
}

/** The error kafkajs rejects a send with when the broker refuses the producer's sequence numbers: the refusal, wrapped by its retrier. */
function outOfOrderSequence(): Error {
  const refusal = protocolError('OUT_OF_ORDER_SEQUENCE_NUMBER', 45, 'The broker received an out of order sequence number');
  return Object.assign(new KafkaJSNonRetriableError(refusal), { cause: refusal });
}

/** A kafkajs client whose producers record their batches and fail the sends they are told to. */
function fakeKafka(failures: Array<Error | null>) {
  const producers: Array<{ sent: number; disconnected: boolean }> = [];
  const kafka = {
    producer: jest.fn(() => {
      const record = { sent: 0, disconnected: false };
      producers.push(record);
      return {
        connect: async () => undefined,
        disconnect: async () => {
          record.disconnected = true;
        },
        sendBatch: async () => {
          const failure = failures.shift();
          if (failure) throw failure;
          record.sent++;
        },
      };
    }),
  };
  return { kafka: kafka as unknown as Kafka, producers };
}

const record: PreparedRecord = { contractTopic: TOPICS.enriched, topic: TOPICS.enriched, message: { key: 'a', value: '{}' } };

describe('lostSequenceError', () => {
  it('finds the refusal inside the errors kafkajs wraps it in, and nothing in other errors', () => {
    expect(lostSequenceError(outOfOrderSequence())).toBe('OUT_OF_ORDER_SEQUENCE_NUMBER');
    expect(lostSequenceError(protocolError('UNKNOWN_PRODUCER_ID', 59, 'x'))).toBe('UNKNOWN_PRODUCER_ID');
    expect(lostSequenceError(protocolError('NOT_LEADER_FOR_PARTITION', 6, 'x'))).toBeNull();
    expect(lostSequenceError(new Error('connect ECONNREFUSED'))).toBeNull();
    expect(lostSequenceError('not an error')).toBeNull();
  });
});

describe('MessageProducer', () => {
  const options = kafkaOptionsFromEnv('test', {});

  it('replaces a producer whose sequence numbers the broker refused, and asks for the send to be retried', async () => {
    const { kafka, producers } = fakeKafka([outOfOrderSequence()]);
    const producer = new MessageProducer(kafka, options);
    await producer.onModuleInit();
    await expect(producer.sendPrepared([record])).rejects.toBeInstanceOf(TransientError);
    expect(producers).toHaveLength(2);
    expect(producers[0].disconnected).toBe(true);
    await producer.sendPrepared([record]);
    expect(producers.map((made) => made.sent)).toEqual([0, 1]);
  });

  it('keeps its producer through any other failure, which it passes on as it is', async () => {
    const refusal = protocolError('NOT_LEADER_FOR_PARTITION', 6, 'not the leader');
    const { kafka, producers } = fakeKafka([refusal]);
    const producer = new MessageProducer(kafka, options);
    await producer.onModuleInit();
    await expect(producer.sendPrepared([record])).rejects.toBe(refusal);
    await producer.sendPrepared([record]);
    expect(producers.map((made) => made.sent)).toEqual([1]);
  });
});
