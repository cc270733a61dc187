import { articleIdFor, encodeMessage, namespacedTopic, normalizedArticleOf, enrichedArticleOf, TOPICS, DEAD_LETTER_TOPICS, type EnrichedArticleV3 } from '@wirestream/contracts';
import { Kafka, logLevel } from 'kafkajs';
import path from 'node:path';
import { migrate, type RunningPipeline, startPipeline, STATE_DIR, withClient } from '@wirestream/harness';

/**
 * Storage started against a database without the migrations (an operator's mistake) must not eat
 * the stream: it stays not ready, saying what to run, dead-letters nothing and commits nothing,
 * and stores everything by itself once the migrations have run.
 */
const brokers = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
const baseDatabaseUrl = process.env.WIRESTREAM_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/wirestream_test';
const namespace = `test-unmigrated-${Date.now()}`;
const schema = namespace.replace(/-/g, '_');
const databaseUrl = `${baseDatabaseUrl}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
const STORIES = 5;

function story(index: number): EnrichedArticleV3 {
  const articleId = articleIdFor({ sourceId: 'unmigrated', guid: `story-${index}` });
  const body = `SEOUL, Jan ${index + 1} (Yonhap) -- Story number ${index} about the harbour strike, told once.`;
  return enrichedArticleOf({ articleId, extractorVersion: 'test-1', entities: [], article: normalizedArticleOf({ body, articleId, headline: `Story ${index}`, normalizerVersion: 'test-1' }) });
}

async function readiness(url: string): Promise<{ status: number; body: string }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.text() };
}

describe('storage against an unmigrated database', () => {
  const kafka = new Kafka({ clientId: namespace, brokers: brokers.split(','), logLevel: logLevel.NOTHING });
  let pipeline: RunningPipeline;

  beforeAll(async () => {
    await withClient(baseDatabaseUrl, (client) => client.query(`CREATE SCHEMA ${schema}`));
    pipeline = await startPipeline({
      env: { KAFKA_BROKERS: brokers, KAFKA_TOPIC_NAMESPACE: namespace, KAFKA_CONSUMER_GROUP_PREFIX: namespace, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
      services: ['storage'],
      waitForReady: false,
      logDir: path.join(STATE_DIR, 'logs', namespace),
    });
  }, 120_000);

  afterAll(async () => {
    await pipeline?.stop();
    await withClient(baseDatabaseUrl, (client) => client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [TOPICS.enriched, DEAD_LETTER_TOPICS.storage].map((topic) => namespacedTopic(topic, namespace)) }).catch(() => undefined);
    await admin.disconnect();
  }, 60_000);

  it('stays not ready naming the migration command, commits and dead-letters nothing, then stores everything once migrated', async () => {
    const readyUrl = pipeline.instances[0].healthUrl;
    const liveUrl = readyUrl.replace('/ready', '/live');
    expect((await fetch(liveUrl)).status).toBe(200);
    // Its health port opens before its modules start: wait until it has started, not ready.
    const started = Date.now() + 30_000;
    let notReady = await readiness(readyUrl);
    while (!notReady.body.includes('migration') && Date.now() < started) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      notReady = await readiness(readyUrl);
    }
    expect(notReady.status).toBe(503);
    expect(notReady.body).toContain('npm run migration:run');

    const enriched = namespacedTopic(TOPICS.enriched, namespace);
    const producer = kafka.producer();
    await producer.connect();
    const messages = Array.from({ length: STORIES }, (_, index) => story(index));
    // The topic exists once storage subscribed; produce until it does.
    for (let attempt = 0; ; attempt++) {
      try {
        await producer.send({ topic: enriched, messages: messages.map((message) => ({ key: message.articleId, value: encodeMessage(TOPICS.enriched, message) })) });
        break;
      } catch (error) {
        if (attempt > 40) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
    await producer.disconnect();

    // Long enough for storage to try the batch and back off a few times.
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect((await readiness(readyUrl)).status).toBe(503);
    const admin = kafka.admin();
    await admin.connect();
    try {
      const group = `${namespace}-storage`;
      const committed = await admin.fetchOffsets({ groupId: group, topics: [enriched] });
      expect(committed[0].partitions.every((partition) => partition.offset === '-1')).toBe(true);
      const deadLetters = await admin.fetchTopicOffsets(namespacedTopic(DEAD_LETTER_TOPICS.storage, namespace)).catch(() => []);
      expect(deadLetters.every((partition) => partition.high === partition.low)).toBe(true);

      await migrate(databaseUrl);
      const deadline = Date.now() + 60_000;
      let stored = 0;
      while (Date.now() < deadline) {
        stored = await withClient(databaseUrl, async (client) => Number((await client.query(`SELECT count(*) FROM articles`)).rows[0].count));
        if (stored === STORIES) break;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      expect(stored).toBe(STORIES);
      expect((await readiness(readyUrl)).status).toBe(200);
      const afterwards = await admin.fetchOffsets({ groupId: group, topics: [enriched] });
      expect(afterwards[0].partitions.reduce((sum, partition) => sum + Math.max(0, Number(partition.offset)), 0)).toBe(STORIES);
    } finally {
      await admin.disconnect();
    }
  }, 120_000);
});
