import type { EnrichedArticleV3 } from '@wirestream/contracts';
import { ArticleStore, createDataSource } from '@wirestream/db';
import { enrichArticle, extractorVersion } from '@wirestream/extract';
import { documentsFromDroppedFile } from '@wirestream/feeds';
import { migrate, withClient, type WireStory } from '@wirestream/harness';
import { normalizeDocument } from '@wirestream/normalize';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ProcessCpuMeter } from './process-cpu';

/** Articles per write: storage writes what one Kafka fetch brings, a few hundred stories under load. */
export const FULL_CHAIN_BATCH = 500;

export interface FullChainFigures {
  storiesPerSec: number;
  /** CPU ms per story: this process (all four stages' code) and the local Postgres server, and their sum. */
  cpuMsPerStory: Record<string, number>;
}

/**
 * The pipeline's whole work without the distribution: fetch (read the dropped files), normalize,
 * extract and store through the same ArticleStore into the same Postgres, in batches as storage
 * writes, in this one process, into a schema of its own. The warm-up corpus goes first, unmeasured,
 * as in the pipeline runs.
 */
export async function runFullChainInProcess(
  corpus: WireStory[],
  warmupCorpus: WireStory[],
  options: { baseDatabaseUrl: string; postgresPids: number[]; label: string },
): Promise<FullChainFigures> {
  const schema = `bench_fullchain_${options.label}_${Date.now()}`;
  const dropDir = mkdtempSync(path.join(tmpdir(), 'wirestream-bench-fullchain-'));
  await withClient(options.baseDatabaseUrl, (client) => client.query(`CREATE SCHEMA ${schema}`));
  const databaseUrl = `${options.baseDatabaseUrl}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const db = createDataSource(databaseUrl);
  try {
    await migrate(databaseUrl);
    await db.initialize();
    const store = new ArticleStore(db);
    const version = extractorVersion();
    const storeAll = async (files: WireStory[]): Promise<number> => {
      const fetchedAt = new Date();
      let pending: EnrichedArticleV3[] = [];
      let stories = 0;
      const flush = async () => {
        if (pending.length > 0) await store.saveBatch(pending.map((message) => ({ message, traceId: null })));
        pending = [];
      };
      for (const file of files) {
        const documents = await documentsFromDroppedFile(Buffer.from(file.text), {
          source: { id: 'file-drop', kind: 'file-drop', uri: dropDir },
          path: path.join(dropDir, file.fileName),
          fetchedAt,
        });
        for (const document of documents) {
          pending.push(enrichArticle(normalizeDocument(document, { referenceDate: fetchedAt }), version));
          stories++;
          if (pending.length >= FULL_CHAIN_BATCH) await flush();
        }
      }
      await flush();
      return stories;
    };
    await storeAll(warmupCorpus);
    const cpu = new ProcessCpuMeter({ chain: [process.pid], postgres: options.postgresPids });
    cpu.start();
    const started = performance.now();
    const stories = await storeAll(corpus);
    const seconds = (performance.now() - started) / 1000;
    const used = cpu.stop();
    const cpuMsPerStory = Object.fromEntries(Object.entries(used).map(([group, cpuSeconds]) => [group, Number(((cpuSeconds * 1000) / stories).toFixed(2))]));
    cpuMsPerStory.total = Number(((Object.values(used).reduce((sum, value) => sum + value, 0) * 1000) / stories).toFixed(2));
    return { storiesPerSec: stories / seconds, cpuMsPerStory };
  } finally {
    if (db.isInitialized) await db.destroy();
    await withClient(options.baseDatabaseUrl, (client) => client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
    rmSync(dropDir, { recursive: true, force: true });
  }
}
