import { ALL_TOPICS, namespacedTopic, type Topic } from '@wirestream/contracts';
import { createDataSource } from '@wirestream/db';
import { documentsFromDroppedFile } from '@wirestream/feeds';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { migrate, type RunningPipeline, serviceEntryPoint, SERVICES, SHARED_DIR, startPipeline, STATE_DIR, withClient } from '@wirestream/harness';

/**
 * A pipeline of real service processes for one test file: its own topic namespace and consumer
 * groups on the shared broker, and its own schema in the project's test database, so test files
 * can run side by side.
 */
export interface TestPipeline {
  namespace: string;
  /** The test schema's URL, as the schema's owner. */
  databaseUrl: string;
  dropDir: string;
  kafka: Kafka;
  db: DataSource;
  pipeline: RunningPipeline;
  topic(topic: Topic): string;
  /** Article ids the fetcher will assign to a file dropped into `dropDir`. */
  expectedIds(file: string): Promise<string[]>;
  stop(): Promise<void>;
}

export interface TestPipelineOptions {
  /** The database URL the services get, from the direct one the test uses (e.g. through a proxy). */
  serviceDatabaseUrl?: (directUrl: string) => string;
  /** Also start the query API (services/api) on the test schema. */
  withApi?: boolean;
}

export async function startTestPipeline(name: string, extraEnv: Record<string, string> = {}, options: TestPipelineOptions = {}): Promise<TestPipeline> {
  const missingBuild = SERVICES.filter((service) => !existsSync(serviceEntryPoint(service)));
  if (missingBuild.length > 0) throw new Error(`services not built (${missingBuild.join(', ')}): run \`npm run build\` (npm test does)`);

  const brokers = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
  const baseDatabaseUrl = process.env.WIRESTREAM_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/wirestream_test';
  const namespace = `test-${name}-${Date.now()}`;
  const schema = namespace.replace(/-/g, '_');
  await withClient(baseDatabaseUrl, (client) => client.query(`CREATE SCHEMA ${schema}`));
  const databaseUrl = `${baseDatabaseUrl}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const dropDir = mkdtempSync(path.join(tmpdir(), `wirestream-${name}-`));

  await migrate(databaseUrl);
  const db = createDataSource(databaseUrl);
  await db.initialize();

  const pipeline = await startPipeline({
    env: {
      KAFKA_BROKERS: brokers,
      DATABASE_URL: options.serviceDatabaseUrl?.(databaseUrl) ?? databaseUrl,
      FETCHER_STATE_DATABASE_URL: options.serviceDatabaseUrl?.(databaseUrl) ?? databaseUrl,
      KAFKA_TOPIC_NAMESPACE: namespace,
      KAFKA_CONSUMER_GROUP_PREFIX: namespace,
      FETCHER_DROP_DIR: dropDir,
      FETCHER_DROP_POLL_MS: '200',
      LOG_LEVEL: 'warn',
      ...extraEnv,
    },
    logDir: path.join(STATE_DIR, 'logs', namespace),
    withApi: options.withApi,
  });
  const kafka = new Kafka({ clientId: namespace, brokers: brokers.split(','), logLevel: logLevel.NOTHING });
  return {
    namespace,
    databaseUrl,
    dropDir,
    kafka,
    db,
    pipeline,
    topic: (topic) => namespacedTopic(topic, namespace),
    expectedIds: async (file) =>
      (
        await documentsFromDroppedFile(readFileSync(file), {
          source: { id: 'file-drop', kind: 'file-drop', uri: dropDir },
          path: path.join(dropDir, path.basename(file)),
          fetchedAt: new Date(),
        })
      ).map((document) => document.articleId),
    stop: async () => {
      await pipeline.stop();
      await db.destroy();
      await withClient(baseDatabaseUrl, (client) => client.query(`DROP SCHEMA ${schema} CASCADE`));
      await deleteTopics(kafka, ALL_TOPICS.map((topic) => namespacedTopic(topic, namespace)));
    },
  };
}

/** Test topics are removed afterwards so repeated runs do not pile them up on the broker. */
async function deleteTopics(kafka: Kafka, topics: string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.deleteTopics({ topics, timeout: 10_000 }).catch(() => undefined);
  } finally {
    await admin.disconnect();
  }
}

/** Reads every message of a topic from the beginning until `count` arrived or the time is up. */
export async function readTopic(kafka: Kafka, topic: string, count: number, timeoutMs = 30_000): Promise<Array<{ key: string | null; value: string }>> {
  const consumer = kafka.consumer({ groupId: `reader-${topic}-${Date.now()}` });
  const received: Array<{ key: string | null; value: string }> = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      void consumer.run({
        eachMessage: async ({ message }) => {
          received.push({ key: message.key?.toString() ?? null, value: message.value?.toString() ?? '' });
          if (received.length >= count) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return received;
}

export const SEEDS_DIR = path.join(SHARED_DIR, 'samples', 'seeds');

