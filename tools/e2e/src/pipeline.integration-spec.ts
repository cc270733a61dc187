import { DEAD_LETTER_TOPICS, TOPICS, type DeadLetterV1 } from '@wirestream/contracts';
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, waitForArticles } from '@wirestream/harness';
import { readTopic, SEEDS_DIR, startTestPipeline, type TestPipeline } from './test-pipeline';

/**
 * The whole pipeline as it runs in production: four service processes, the real broker, real
 * Postgres. Files go in at the fetcher's drop directory; rows come out in the database.
 */
describe('wire stories end to end', () => {
  let pipeline: TestPipeline;
  const seedFiles = readdirSync(SEEDS_DIR).filter((name) => name.endsWith('.txt')).sort().map((name) => path.join(SEEDS_DIR, name));
  let seedIds: string[];

  beforeAll(async () => {
    pipeline = await startTestPipeline('e2e');
    seedIds = (await Promise.all(seedFiles.map((file) => pipeline.expectedIds(file)))).flat();
  });

  afterAll(async () => {
    await pipeline?.stop();
  });

  async function tableCounts(): Promise<Record<string, number>> {
    const [row] = await pipeline.db.query(
      `SELECT (SELECT count(*) FROM articles)::int AS articles, (SELECT count(*) FROM entities)::int AS entities,
              (SELECT count(*) FROM mentions)::int AS mentions`,
    );
    return row;
  }

  it('stores both seed stories with their headline, dateline and entities', async () => {
    expect(seedFiles).toHaveLength(2);
    const since = new Date();
    seedFiles.forEach((file) => copyFileSync(file, path.join(pipeline.dropDir, path.basename(file))));
    expect(await waitForArticles(pipeline.db, seedIds, since, 60_000)).toEqual([]);

    const articles: Array<Record<string, string | null>> = await pipeline.db.query(
      `SELECT article_id, headline, dateline_place, dateline_agency, publisher, originating_agency FROM articles WHERE article_id = ANY($1)`,
      [seedIds],
    );
    expect(articles).toHaveLength(2);
    const wire = articles.find((article) => article.dateline_place !== null);
    const page = articles.find((article) => article.dateline_place === null);
    expect(wire).toMatchObject({ dateline_place: 'TOKYO', dateline_agency: 'KUNA', publisher: 'MENAFN' });
    expect(page?.headline).toBe('Blinken slams North-Russia arms deals during visit to Seoul');
    // No markup names the page text's publisher: its byline address and the name it shows do.
    expect(page?.publisher).toBe('Korea JoongAng Daily');
    // The dateline's place, moved out of the wire story's body, is an entity of the story.
    const datelineMentions: Array<{ canonical_name: string; role: string | null }> = await pipeline.db.query(
      `SELECT e.canonical_name, m.role FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE m.article_id = $1 AND m.role = 'dateline'`,
      [wire?.article_id],
    );
    expect(datelineMentions).toEqual([{ canonical_name: 'Tokyo', role: 'dateline' }]);

    const entities: Array<{ canonical_name: string; type: string; articles: number }> = await pipeline.db.query(
      `SELECT e.canonical_name, e.type, count(DISTINCT m.article_id)::int AS articles
         FROM entities e JOIN mentions m ON m.entity_id = e.id GROUP BY e.id`,
    );
    const byName = new Map(entities.map((entity) => [entity.canonical_name, entity]));
    // Both stories name Blinken, Seoul and North Korea: one canonical row each, mentioned by both.
    expect(byName.get('Antony Blinken')).toMatchObject({ type: 'PERSON', articles: 2 });
    expect(byName.get('Seoul')).toMatchObject({ type: 'GPE', articles: 2 });
    expect(byName.get('North Korea')).toMatchObject({ type: 'GPE', articles: 2 });

    // The extractor's quotes reach Postgres with their speaker resolved to a canonical entity.
    const quoteSpeakers: Array<{ speaker: string | null; speaker_text: string | null }> = await pipeline.db.query(
      `SELECT e.canonical_name AS speaker, q.speaker_text FROM quotes q LEFT JOIN entities e ON e.id = q.speaker_entity_id
        WHERE q.article_id = ANY($1)`,
      [seedIds],
    );
    expect(quoteSpeakers.length).toBeGreaterThan(0);
    expect(quoteSpeakers.map((quote) => quote.speaker)).toContain('Antony Blinken');
  });

  it('emits nothing, so adds no rows, when the same files are dropped again under other names', async () => {
    const before = await tableCounts();
    expect(before.articles).toBe(2);
    const rawBefore = await rawMessages();
    const since = new Date();
    seedFiles.forEach((file) => copyFileSync(file, path.join(pipeline.dropDir, `again-${path.basename(file)}`)));
    // A new story dropped with them: once it is stored, the copies were read in the same scan.
    const sentinel = path.join(REPO_ROOT, 'samples', 'stories', '02-daily-web-page.txt');
    const sentinelIds = await pipeline.expectedIds(sentinel);
    copyFileSync(sentinel, path.join(pipeline.dropDir, path.basename(sentinel)));
    expect(await waitForArticles(pipeline.db, sentinelIds, since, 60_000)).toEqual([]);
    // The fetcher's state knew the copies' content: only the new story went onto news.raw.v1.
    expect(await rawMessages()).toBe(rawBefore + sentinelIds.length);
    const [{ touched }] = await pipeline.db.query(`SELECT count(*)::int AS touched FROM articles WHERE article_id = ANY($1) AND updated_at >= $2`, [seedIds, since]);
    expect(touched).toBe(0);
    expect((await tableCounts()).articles).toBe(before.articles + sentinelIds.length);
  });

  async function rawMessages(): Promise<number> {
    const admin = pipeline.kafka.admin();
    await admin.connect();
    try {
      return (await admin.fetchTopicOffsets(pipeline.topic(TOPICS.raw))).reduce((sum, offset) => sum + Number(offset.high), 0);
    } finally {
      await admin.disconnect();
    }
  }

  it('stores a story with a stray NUL byte, noting what was removed, and a headline-only feed item flagged bodyless', async () => {
    const since = new Date();
    const nulStory = path.join(pipeline.dropDir, '..', `nul-${Date.now()}.txt`);
    writeFileSync(nulStory, 'HARBOUR TALKS RESUME\n\nOSTERVIK, Jan 7 (Plainwire) -- Dock workers and port owners resumed\u0000 talks on Tuesday, the union said, after a week of strikes at the harbour.\n');
    const feed = path.join(pipeline.dropDir, '..', `flash-${Date.now()}.rss`);
    writeFileSync(
      feed,
      '<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title><link>https://desk.example/</link><description>d</description>' +
        '<item><title>FLASH: Ostervik harbour closed by storm</title><link>https://desk.example/flash-1</link><guid>flash-1</guid></item></channel></rss>',
    );
    const ids = [...(await pipeline.expectedIds(nulStory)), ...(await pipeline.expectedIds(feed))];
    expect(ids).toHaveLength(2);
    for (const file of [nulStory, feed]) copyFileSync(file, path.join(pipeline.dropDir, path.basename(file)));
    expect(await waitForArticles(pipeline.db, ids, since, 60_000)).toEqual([]);
    const rows: Array<{ article_id: string; body: string; bodyless: boolean; processing_notes: string[]; headline: string | null }> = await pipeline.db.query(
      `SELECT article_id, headline, body, bodyless, processing_notes FROM articles WHERE article_id = ANY($1) ORDER BY bodyless`,
      [ids],
    );
    expect(rows[0].body).toContain('resumed talks');
    expect(rows[0].body).not.toContain('\u0000');
    expect(rows[0].processing_notes).toEqual([expect.stringMatching(/^removed 1 control or invalid character/)]);
    expect(rows[1]).toMatchObject({ headline: 'FLASH: Ostervik harbour closed by storm', body: '', bodyless: true });
  });

  it('dead-letters bad messages with the reason and keeps processing the rest', async () => {
    const producer = pipeline.kafka.producer();
    await producer.connect();
    await producer.send({
      topic: pipeline.topic(TOPICS.raw),
      messages: [
        { key: 'not-json', value: '{"this is": not json' },
        { key: 'wrong-schema', value: JSON.stringify({ schemaVersion: 2, articleId: 'x' }) },
      ],
    });
    await producer.send({ topic: pipeline.topic(TOPICS.enriched), messages: [{ key: 'bad-enriched', value: '[]' }] });
    await producer.disconnect();

    const normalizerDead = (await readTopic(pipeline.kafka, pipeline.topic(DEAD_LETTER_TOPICS.normalizer), 2)).map(
      (message) => JSON.parse(message.value) as DeadLetterV1,
    );
    expect(normalizerDead.map((letter) => letter.key).sort()).toEqual(['not-json', 'wrong-schema']);
    const notJson = normalizerDead.find((letter) => letter.key === 'not-json')!;
    expect(notJson).toMatchObject({ stage: 'normalizer', errorClass: 'InvalidMessageError', value: '{"this is": not json', sourceTopic: pipeline.topic(TOPICS.raw) });
    expect(notJson.errorMessage).toMatch(/not JSON/);
    expect(normalizerDead.find((letter) => letter.key === 'wrong-schema')!.errorMessage).toMatch(/schemaVersion/);

    const [storageDead] = await readTopic(pipeline.kafka, pipeline.topic(DEAD_LETTER_TOPICS.storage), 1);
    expect(JSON.parse(storageDead.value)).toMatchObject({ stage: 'storage', key: 'bad-enriched', errorClass: 'InvalidMessageError' });

    // The workers kept going: a story dropped after the poison is stored.
    const sample = path.join(REPO_ROOT, 'samples', 'stories', '01-kuna-via-menafn.txt');
    const [sampleId] = await pipeline.expectedIds(sample);
    const since = new Date();
    copyFileSync(sample, path.join(pipeline.dropDir, path.basename(sample)));
    expect(await waitForArticles(pipeline.db, [sampleId], since, 60_000)).toEqual([]);
  });
});
