import { readdirSync } from 'node:fs';
import path from 'node:path';
import { articleIdFor, namespacedTopic, sha256Hex, TOPICS, type RawDocumentV1 } from '@wirestream/contracts';
import { DeadLetterReplayJournal } from '@wirestream/db';
import { readDeadLetters, replayDeadLetters } from '@wirestream/cli';
import { startTestPipeline, type TestPipeline } from '../test-pipeline';
import { localInfra, SERVICES, wireCorpus } from '@wirestream/harness';
import { faultReport, idsOf, secondsUntilProgress, sleep, storedCount, streamInto, TcpProxy, waitForStored } from './fault-harness';

/**
 * Fault tests: real service processes, the real broker and Postgres, a stream of stories, and a
 * fault in the middle. Each ends with every story stored exactly once.
 */
const STORE_TIMEOUT_MS = 240_000;
/** The fetcher moves sent files out of the drop directory, as a busy drop box should: a restart must neither re-send them nor lose unmoved ones. */
const ARCHIVING = { FETCHER_DROP_ARCHIVE: 'true' };

describe('faults in the middle of a stream', () => {
  let pipeline: TestPipeline | undefined;

  afterEach(async () => {
    await pipeline?.stop();
    pipeline = undefined;
  });

  it('kill -9 of each worker in turn loses and doubles nothing', async () => {
    pipeline = await startTestPipeline('kill', ARCHIVING);
    const stories = wireCorpus(2000, 11);
    const ids = await idsOf(pipeline, stories);
    const streaming = streamInto(pipeline.dropDir, stories, 100, 150);
    const recovery: number[] = [];
    for (const [turn, service] of SERVICES.entries()) {
      await waitForStored(pipeline, ids, (turn + 1) * 300, STORE_TIMEOUT_MS);
      const before = await storedCount(pipeline, ids);
      const killedAt = Date.now();
      await pipeline.pipeline.restart(service, 'SIGKILL');
      recovery.push(await secondsUntilProgress(pipeline, ids, before, killedAt));
    }
    await streaming;
    expect(await waitForStored(pipeline, ids, ids.length, STORE_TIMEOUT_MS)).toBe(ids.length);
    const report = await faultReport(pipeline, 'kill -9 fetcher, normalizer, extractor, storage in turn', ids, recovery);
    expect(report).toMatchObject({ sent: 2000, stored: 2000, duplicated: 0, lost: 0, deadLettered: 0 });
    // Every file was moved out of the scanned directory, those unmoved when the fetcher was killed included.
    expect(readdirSync(pipeline.dropDir).filter((name) => !name.startsWith('.'))).toEqual([]);
    expect(readdirSync(path.join(pipeline.dropDir, '.done'))).toHaveLength(stories.length);
  });

  it('Postgres unreachable for 30 s: storage waits, then resumes by itself', async () => {
    const proxy = new TcpProxy('127.0.0.1', 5432);
    await proxy.open();
    pipeline = await startTestPipeline('postgres', ARCHIVING, { serviceDatabaseUrl: (url) => url.replace('127.0.0.1:5432', `127.0.0.1:${proxy.port}`) });
    const stories = wireCorpus(2000, 12);
    const ids = await idsOf(pipeline, stories);
    const streaming = streamInto(pipeline.dropDir, stories, 100, 150);
    await waitForStored(pipeline, ids, 400, STORE_TIMEOUT_MS);
    await proxy.cut();
    await sleep(30_000);
    const whileDown = await storedCount(pipeline, ids);
    const restoredAt = Date.now();
    await proxy.open();
    const recovery = await secondsUntilProgress(pipeline, ids, whileDown, restoredAt);
    await streaming;
    expect(await waitForStored(pipeline, ids, ids.length, STORE_TIMEOUT_MS)).toBe(ids.length);
    const report = await faultReport(pipeline, 'Postgres unreachable for 30 s', ids, [recovery]);
    expect(report).toMatchObject({ sent: 2000, stored: 2000, duplicated: 0, lost: 0, deadLettered: 0 });
    await proxy.cut();
  });

  it('a broker restart loses and doubles nothing', async () => {
    pipeline = await startTestPipeline('broker', ARCHIVING);
    const stories = wireCorpus(2000, 13);
    const ids = await idsOf(pipeline, stories);
    const streaming = streamInto(pipeline.dropDir, stories, 100, 150);
    await waitForStored(pipeline, ids, 400, STORE_TIMEOUT_MS);
    const before = await storedCount(pipeline, ids);
    const stoppedAt = Date.now();
    await restartLocalBroker(5_000);
    const recovery = await secondsUntilProgress(pipeline, ids, before, stoppedAt, STORE_TIMEOUT_MS);
    await streaming;
    expect(await waitForStored(pipeline, ids, ids.length, STORE_TIMEOUT_MS)).toBe(ids.length);
    const report = await faultReport(pipeline, 'broker stopped for 5 s and restarted', ids, [recovery]);
    expect(report).toMatchObject({ sent: 2000, stored: 2000, duplicated: 0, lost: 0, deadLettered: 0 });
  });

  it('poison messages are parked with their reason, the rest stored, and replay stores the fixable ones after a fix', async () => {
    pipeline = await startTestPipeline('poison', { EXTRACTOR_MAX_BODY_CHARS: '100000' });
    const stories = wireCorpus(500, 14);
    const ids = await idsOf(pipeline, stories);
    const oversize = rawDocument('x'.repeat(5 * 1024 * 1024));
    // Too long for this extractor's limit, though a valid story: fixable by raising the limit.
    const long = rawDocument(`KUWAIT, March 14 (KUNA) -- ${'The talks continued for another day. '.repeat(4000)}`);
    const producer = pipeline.kafka.producer();
    await producer.connect();
    const streaming = streamInto(pipeline.dropDir, stories, 50, 100);
    await producer.send({
      topic: namespacedTopic(TOPICS.raw, pipeline.namespace),
      messages: [
        { key: 'poison-not-json', value: 'not json at all' },
        { key: 'poison-version', value: JSON.stringify({ ...rawDocument('A story.'), schemaVersion: 2 }) },
        { key: oversize.articleId, value: JSON.stringify(oversize) },
        { key: long.articleId, value: JSON.stringify(long) },
      ],
    });
    await producer.disconnect();
    await streaming;
    expect(await waitForStored(pipeline, ids, ids.length, STORE_TIMEOUT_MS)).toBe(ids.length);

    const connection = { kafka: pipeline.kafka, namespace: pipeline.namespace };
    const waitForLetters = async (count: number) => {
      for (let tries = 0; tries < 60; tries++) {
        const letters = await readDeadLetters(connection);
        if (letters.length >= count) return letters;
        await sleep(500);
      }
      return readDeadLetters(connection);
    };
    const letters = await waitForLetters(4);
    const byKey = new Map(letters.map((stored) => [stored.letter.key, stored.letter]));
    expect(byKey.get('poison-not-json')).toMatchObject({ stage: 'normalizer', errorClass: 'InvalidMessageError' });
    expect(byKey.get('poison-version')?.errorMessage).toMatch(/schemaVersion/);
    expect(byKey.get(oversize.articleId)).toMatchObject({ stage: 'normalizer', errorClass: 'InvalidMessageError' });
    expect(byKey.get(oversize.articleId)?.errorMessage).toMatch(/body/);
    expect(byKey.get(long.articleId)).toMatchObject({ stage: 'extractor', errorClass: 'UnprocessableDocumentError' });
    expect(byKey.get(long.articleId)?.errorMessage).toMatch(/EXTRACTOR_MAX_BODY_CHARS/);

    // The fix: an extractor allowed longer bodies. Then replay what the extractor parked.
    await pipeline.pipeline.restart('extractor', 'SIGTERM', { EXTRACTOR_MAX_BODY_CHARS: '1000000' });
    const journal = new DeadLetterReplayJournal(pipeline.db);
    const outcome = await replayDeadLetters(connection, await readDeadLetters(connection, { stage: 'extractor' }), journal);
    expect(outcome.replayed.map((stored) => stored.letter.key)).toEqual([long.articleId]);
    // Replaying again puts back nothing already replayed.
    expect((await replayDeadLetters(connection, await readDeadLetters(connection, { stage: 'extractor' }), journal)).replayed).toEqual([]);
    expect(await waitForStored(pipeline, [long.articleId], 1, 60_000)).toBe(1);

    const report = await faultReport(pipeline, 'poison: not JSON, schema v2, 5 MB body, body over a stage limit', [...ids, long.articleId], []);
    expect(report).toMatchObject({ sent: 501, stored: 501, duplicated: 0, lost: 0, deadLettered: 4 });
  });
});

/**
 * Stops the broker deploy/local runs and starts it again after `downMs`. The global setup points
 * KAFKA_BROKERS at it, which would make deploy/local treat it as someone else's broker.
 */
async function restartLocalBroker(downMs: number): Promise<void> {
  const infra = localInfra();
  const brokers = process.env.KAFKA_BROKERS;
  delete process.env.KAFKA_BROKERS;
  try {
    const { stopped } = await infra.stopKafka({ log: () => undefined });
    if (!stopped) throw new Error('the broker-restart fault needs the broker that deploy/local runs (unset KAFKA_BROKERS)');
    await sleep(downMs);
    await infra.ensureKafka({ log: () => undefined });
  } finally {
    process.env.KAFKA_BROKERS = brokers;
  }
}

function rawDocument(body: string): RawDocumentV1 {
  const contentHash = sha256Hex(body);
  return {
    schemaVersion: 1,
    articleId: articleIdFor({ sourceId: 'poison-test', contentHash }),
    source: { id: 'poison-test', kind: 'file-drop', uri: '/poison' },
    documentUri: `/poison/${contentHash.slice(0, 8)}.txt`,
    fetchedAt: new Date().toISOString(),
    format: 'wire-text',
    charset: 'utf-8',
    body,
    contentHash,
    feedItem: null,
  };
}
