import { kafkaOptionsFromEnv } from './kafka-config';

describe('kafkaOptionsFromEnv', () => {
  it('applies the documented defaults', () => {
    expect(kafkaOptionsFromEnv('svc', {})).toEqual({
      brokers: ['127.0.0.1:9092'],
      clientId: 'svc',
      topicNamespace: '',
      topicPartitions: 3,
      topicReplicationFactor: 1,
      consumerGroupPrefix: 'wirestream',
      batchSize: 200,
      concurrentPartitions: 16,
      fetchMinBytes: 32_768,
      fetchMaxWaitMs: 50,
      maxAttempts: 3,
      sessionTimeoutMs: 10_000,
      shutdownTimeoutMs: 15_000,
    });
  });

  it('splits a broker list and reads numbers', () => {
    const options = kafkaOptionsFromEnv('svc', { KAFKA_BROKERS: 'a:1, b:2', KAFKA_TOPIC_PARTITIONS: '12', KAFKA_TOPIC_NAMESPACE: 'test-1' });
    expect(options).toMatchObject({ brokers: ['a:1', 'b:2'], topicPartitions: 12, topicNamespace: 'test-1' });
  });

  it('names every invalid variable', () => {
    expect(() => kafkaOptionsFromEnv('svc', { KAFKA_TOPIC_PARTITIONS: 'zero', KAFKA_TOPIC_NAMESPACE: 'bad name!' })).toThrow(
      /KAFKA_TOPIC_NAMESPACE.*KAFKA_TOPIC_PARTITIONS|KAFKA_TOPIC_PARTITIONS.*KAFKA_TOPIC_NAMESPACE/,
    );
  });
});
