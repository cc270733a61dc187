import { DEAD_LETTER_TOPICS, namespacedTopic, TOPICS, type DeadLetterV1 } from '@wirestream/contracts';
import { createDataSource, DeadLetterReplayJournal } from '@wirestream/db';
import { Kafka, logLevel } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { READER_GROUP_PREFIX, readDeadLetters, REPLAY_COUNT_HEADER, replayDeadLetters } from '@wirestream/cli';
import { migrate, withClient } from '@wirestream/harness';
import { readTopic } from './test-pipeline';

/**
 * `dlq replay` puts each letter back once: two replays in a row replay nothing twice, a letter
 * that fails again and is parked again is replayed once more with its count, and reading leaves
 * no consumer group behind.
 */
const brokers = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
const baseDatabaseUrl = process.env.WIRESTREAM_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/wirestream_test';
const namespace = `test-replay-${Date.now()}`;
const schema = namespace.replace(/-/g, '_');
const databaseUrl = `${baseDatabaseUrl}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;

describe('dead-letter replay', () => {
  const kafka = new Kafka({ clientId: namespace, brokers: brokers.split(','), logLevel: logLevel.NOTHING });
  const connection = { kafka, namespace };
  const dlq = namespacedTopic(DEAD_LETTER_TOPICS.storage, namespace);
  const source = namespacedTopic(TOPICS.enriched, namespace);
  let db: DataSource;

  const letter = (key: string, headers: Record<string, string> = {}): DeadLetterV1 => ({
    schemaVersion: 1,
    stage: 'storage',
    sourceTopic: source,
    partition: 0,
    offset: '0',
    key,
    value: `{"poison":"${key}"}`,
    valueEncoding: 'utf8',
    headers,
    errorClass: 'PermanentError',
    errorMessage: 'not an enriched article',
    attempts: 1,
    failedAt: new Date().toISOString(),
  });
  const park = async (letters: DeadLetterV1[]) => {
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: dlq, messages: letters.map((value) => ({ key: value.key, value: JSON.stringify(value) })) });
    await producer.disconnect();
  };

  beforeAll(async () => {
    await withClient(baseDatabaseUrl, (client) => client.query(`CREATE SCHEMA ${schema}`));
    await migrate(databaseUrl);
    db = createDataSource(databaseUrl);
    await db.initialize();
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [dlq, source].map((topic) => ({ topic, numPartitions: 1 })), waitForLeaders: true });
    await admin.disconnect();
  }, 60_000);

  afterAll(async () => {
    await db?.destroy();
    await withClient(baseDatabaseUrl, (client) => client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [dlq, source] }).catch(() => undefined);
    await admin.disconnect();
  }, 60_000);

  it('replays each letter once, counts replays of a letter parked again, and leaves no consumer group behind', async () => {
    const journal = new DeadLetterReplayJournal(db);
    await park([letter('poison-a'), letter('poison-b')]);

    const first = await replayDeadLetters(connection, await readDeadLetters(connection, { stage: 'storage' }), journal);
    expect(first.replayed.map((stored) => stored.letter.key).sort()).toEqual(['poison-a', 'poison-b']);
    const second = await replayDeadLetters(connection, await readDeadLetters(connection, { stage: 'storage' }), journal);
    expect(second.replayed).toEqual([]);
    expect(second.skipped.map((skip) => skip.reason)).toEqual(['replayed before', 'replayed before']);

    const replayedMessages = await readTopic(kafka, source, 2, 15_000);
    expect(replayedMessages.map((message) => message.key).sort()).toEqual(['poison-a', 'poison-b']);

    // The stage fails poison-a again and parks it with the headers it came with (the runner keeps them).
    await park([letter('poison-a', { [REPLAY_COUNT_HEADER]: '1' })]);
    const third = await replayDeadLetters(connection, await readDeadLetters(connection, { stage: 'storage' }), journal);
    expect(third.replayed.map((stored) => [stored.letter.key, stored.letter.headers[REPLAY_COUNT_HEADER]])).toEqual([['poison-a', '1']]);
    const all = await readTopic(kafka, source, 3, 15_000);
    expect(all).toHaveLength(3);

    const admin = kafka.admin();
    await admin.connect();
    try {
      const { groups } = await admin.listGroups();
      expect(groups.filter((group) => group.groupId.startsWith(READER_GROUP_PREFIX))).toEqual([]);
    } finally {
      await admin.disconnect();
    }
  }, 90_000);
});
