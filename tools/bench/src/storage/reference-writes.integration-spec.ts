import { createDataSource } from '@wirestream/db';
import type { DataSource } from 'typeorm';
import { ReferenceWrites } from './reference-writes';

const BASE_URL = process.env.WIRESTREAM_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/wirestream_test';

describe('ReferenceWrites', () => {
  const schema = `reference_writes_${process.pid}`;
  let reference: ReferenceWrites | null = null;
  let db: DataSource | null = null;

  afterAll(async () => {
    await db?.destroy();
    await reference?.close();
  });

  it('writes the same batch at every probe and leaves the scratch archive as it found it, then drops it', async () => {
    reference = await ReferenceWrites.open(BASE_URL, schema, { archive: 300, probe: 60 });
    db = createDataSource(`${BASE_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`);
    await db.initialize();
    const rows = async () =>
      (
        await db!.query(
          `SELECT (SELECT count(*) FROM articles)::int AS articles, (SELECT count(*) FROM article_mentions)::int AS mentions,
                  (SELECT count(*) FROM article_salient_entities)::int AS salient, (SELECT count(*) FROM stories)::int AS stories`,
        )
      )[0];
    const before = await rows();
    expect(before.articles).toBe(300);
    for (let probe = 0; probe < 5; probe++) expect(await reference.probe()).toBeGreaterThan(0);
    expect(await rows()).toEqual(before);

    await db.destroy();
    db = null;
    await reference.close();
    reference = null;
    const admin = createDataSource(BASE_URL);
    await admin.initialize();
    try {
      expect(await admin.query(`SELECT 1 FROM pg_namespace WHERE nspname = $1`, [schema])).toEqual([]);
    } finally {
      await admin.destroy();
    }
  });
});
