import { MAX_MESSAGE_BYTES, namespacedTopic, TOPICS } from '@wirestream/contracts';
import { Kafka, logLevel } from 'kafkajs';
import { createKafkaClient } from './kafka-client';
import { kafkaOptionsFromEnv } from './kafka.config';
import { MessageProducer, preparedRecord, type PreparedRecord } from './message-producer';

/**
 * MessageProducer against the real broker: records for one partition that together exceed what
 * the broker takes in one record batch (MAX_MESSAGE_BYTES, the topics' max.message.bytes) are all
 * written, in order.
 */
describe('MessageProducer against the broker', () => {
  const namespace = `it-producer-${process.pid}-${Date.now()}`;
  const topic = namespacedTopic(TOPICS.raw, namespace);
  const brokers = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
  const admin = new Kafka({ clientId: namespace, brokers: brokers.split(','), logLevel: logLevel.NOTHING }).admin();
  const options = kafkaOptionsFromEnv(namespace, { KAFKA_BROKERS: brokers, KAFKA_TOPIC_NAMESPACE: namespace });
  const producer = new MessageProducer(createKafkaClient(options), options);

  beforeAll(async () => {
    await admin.connect();
    // One partition, so every record goes to the same record batch unless the producer splits them.
    await admin.createTopics({ topics: [{ topic, numPartitions: 1, configEntries: [{ name: 'max.message.bytes', value: String(MAX_MESSAGE_BYTES) }] }], waitForLeaders: true });
    await producer.onModuleInit();
  });

  afterAll(async () => {
    await producer.onApplicationShutdown();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  });

  it('writes two records of 60 % of the batch limit each, sent together', async () => {
    const large = (key: string): PreparedRecord => preparedRecord(TOPICS.raw, topic, { key, value: key.repeat(Math.floor((MAX_MESSAGE_BYTES * 0.6) / key.length)) });
    await producer.sendPrepared([large('first'), large('second'), preparedRecord(TOPICS.raw, topic, { key: 'small', value: 'tiny' })]);
    const [offsets] = await admin.fetchTopicOffsets(topic);
    expect(Number(offsets.high) - Number(offsets.low)).toBe(3);
  });
});
