import { DEAD_LETTER_TOPICS, namespacedTopic, STAGES } from '@wirestream/contracts';
import { documentsFromDroppedFile } from '@wirestream/feeds';
import { renameSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import path from 'node:path';
import type { TestPipeline } from '../test-pipeline';
import type { WireStory } from '@wirestream/harness';

/** Article ids the fetcher will give the stories once they are in the drop directory. */
export async function idsOf(pipeline: TestPipeline, stories: WireStory[]): Promise<string[]> {
  const ids: string[] = [];
  for (const story of stories) {
    const documents = await documentsFromDroppedFile(Buffer.from(story.text), {
      source: { id: 'file-drop', kind: 'file-drop', uri: pipeline.dropDir },
      path: path.join(pipeline.dropDir, story.fileName),
      fetchedAt: new Date(),
    });
    ids.push(...documents.map((document) => document.articleId));
  }
  return ids;
}

/**
 * Drops the stories into the fetcher's directory as a stream: `perTick` files every `tickMs`,
 * each written under a temporary name and renamed, as a well-behaved sender does.
 */
export async function streamInto(dropDir: string, stories: WireStory[], perTick = 100, tickMs = 200): Promise<void> {
  for (let start = 0; start < stories.length; start += perTick) {
    for (const story of stories.slice(start, start + perTick)) {
      const target = path.join(dropDir, story.fileName);
      writeFileSync(`${target}.part`, story.text);
      renameSync(`${target}.part`, target);
    }
    await sleep(tickMs);
  }
}

export async function storedCount(pipeline: TestPipeline, ids: string[]): Promise<number> {
  const [row] = await pipeline.db.query('SELECT count(*)::int AS count FROM articles WHERE article_id = ANY($1)', [ids]);
  return row.count;
}

export async function waitForStored(pipeline: TestPipeline, ids: string[], atLeast: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const count = await storedCount(pipeline, ids);
    if (count >= atLeast || Date.now() > deadline) return count;
    await sleep(250);
  }
}

/** Messages in each stage's dead-letter topic of this pipeline. */
export async function deadLetterCounts(pipeline: TestPipeline): Promise<Record<string, number>> {
  const admin = pipeline.kafka.admin();
  await admin.connect();
  try {
    const counts: Record<string, number> = {};
    for (const stage of STAGES) {
      const offsets = await admin.fetchTopicOffsets(namespacedTopic(DEAD_LETTER_TOPICS[stage], pipeline.namespace));
      counts[stage] = offsets.reduce((sum, { high, low }) => sum + Number(high) - Number(low), 0);
    }
    return counts;
  } finally {
    await admin.disconnect();
  }
}

export interface FaultReport {
  fault: string;
  sent: number;
  stored: number;
  duplicated: number;
  lost: number;
  deadLettered: number;
  recoverySeconds: number[];
}

/** What the note reports for a fault: every figure measured from the database and the broker. */
export async function faultReport(pipeline: TestPipeline, fault: string, ids: string[], recoverySeconds: number[]): Promise<FaultReport> {
  const stored = await storedCount(pipeline, ids);
  const [{ rows, distinct_hashes: distinctHashes }] = await pipeline.db.query(
    'SELECT count(*)::int AS rows, count(DISTINCT content_hash)::int AS distinct_hashes FROM articles',
  );
  const deadLettered = Object.values(await deadLetterCounts(pipeline)).reduce((sum, count) => sum + count, 0);
  // A story stored twice would show as a row that is none of the stories sent, as a second row
  // with the same text (the corpus has no two stories alike), or as a story group that counted
  // one article twice (a redelivered write that was not idempotent).
  const [{ miscounted }] = await pipeline.db.query(
    `SELECT count(*)::int AS miscounted FROM stories s
      WHERE s.article_count <> (SELECT count(*) FROM articles a WHERE a.story_id = s.id)`,
  );
  const extraRows = rows - stored;
  const sameTextTwice = rows - distinctHashes;
  const report = {
    fault,
    sent: ids.length,
    stored,
    duplicated: Math.max(extraRows, sameTextTwice) + miscounted,
    lost: ids.length - stored,
    deadLettered,
    recoverySeconds,
  };
  console.log(`FAULT REPORT ${JSON.stringify(report)}`);
  return report;
}

/** Seconds until the stored count grows past `from`: how long the pipeline took to recover. */
export async function secondsUntilProgress(pipeline: TestPipeline, ids: string[], from: number, since: number, timeoutMs = 120_000): Promise<number> {
  await waitForStored(pipeline, ids, Math.min(from + 1, ids.length), timeoutMs);
  return Math.round((Date.now() - since) / 100) / 10;
}

/** A TCP proxy the test controls, standing between a service and Postgres. */
export class TcpProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async open(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(this.targetPort, this.targetHost);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  /** Refuses new connections and cuts the open ones: the database is unreachable. */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    this.sockets.forEach((socket) => socket.destroy());
    await new Promise((resolve) => server?.close(resolve));
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
