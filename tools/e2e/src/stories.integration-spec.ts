import { enrichedArticleOf, type EnrichedArticleV3 } from '@wirestream/contracts';
import { ArticleStore, createDataSource } from '@wirestream/db';
import { extractArticle, extractorVersion } from '@wirestream/extract';
import { documentFromDroppedFile } from '@wirestream/feeds';
import { normalizeDocument } from '@wirestream/normalize';
import { DEFAULT_STORY_RULE, entityOverlap, salientEntities, simhashDistance } from '@wirestream/stories';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { migrate } from '@wirestream/harness';
import { SEEDS_DIR } from './test-pipeline';

/**
 * Story grouping on real copy: the two seeds and syndicated copies of the first, derived from it
 * at test time, run through the real fetcher, normalizer and extractor logic in this process and
 * stored by ArticleStore in this file's own schema.
 */
const BASE_URL = process.env.WIRESTREAM_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/wirestream_test';
const SCHEMA = `stories_${process.pid}_${Date.now()}`;

/** The seed files' bytes (one wire story each) run through the same stage libraries the services run. */
function enrich(name: string, text: string): EnrichedArticleV3 {
  const document = documentFromDroppedFile(Buffer.from(text, 'utf8'), {
    source: { id: 'file-drop', kind: 'file-drop', uri: '/drop' },
    path: `/drop/${name}`,
    fetchedAt: new Date('2026-11-23T09:00:00Z'),
  });
  const article = normalizeDocument(document);
  return enrichedArticleOf({ articleId: article.articleId, article, ...extractArticle(article.body, { headline: article.headline }), extractorVersion: extractorVersion() });
}

const seedFiles = readdirSync(SEEDS_DIR).filter((name) => name.endsWith('.txt')).sort();
const seedTexts = seedFiles.map((name) => readFileSync(path.join(SEEDS_DIR, name), 'utf8'));
const [datedSeed, undatedSeed] = seedFiles.map((name, index) => enrich(name, seedTexts[index]));

/** The dated seed's story text between its dateline and its "(end)" mark. */
function wireBody(text: string): string {
  const start = text.indexOf(' -- ');
  const end = text.indexOf('(end)');
  if (start < 0 || end < 0) throw new Error('the dated seed no longer has a dateline and an (end) mark');
  return text.slice(start + 4, end).trim();
}
const paragraphs = wireBody(seedTexts[0]).split(/\n\s*\n/);
/** Another agency's syndication of the same text: its own dateline header and an editing trailer, no date. */
const rewired = enrich('rewired.txt', `SEOUL, Jan. 6 (Yonhap) -- ${paragraphs.join('\n\n')}\n\n(Reporting by A. Writer; editing by B. Editor)\n`);
/** A lightly edited, shortened copy: two paragraphs cut, a few words changed. */
const edited = enrich(
  'edited.txt',
  `By Staff Writer\n\nSEOUL, Jan 6 (AFP) -- ${paragraphs.slice(0, -2).join('\n\n').replace('said Monday', 'said on Monday').replace(/concern/g, 'worry')}\n`,
);

describe('stories from the seeds', () => {
  let db: DataSource;
  let store: ArticleStore;

  beforeAll(async () => {
    const admin = new Client({ connectionString: BASE_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${SCHEMA}`);
    await admin.end();
    const url = `${BASE_URL}?options=${encodeURIComponent(`-c search_path=${SCHEMA}`)}`;
    await migrate(url);
    db = createDataSource(url);
    await db.initialize();
    store = new ArticleStore(db);
  });

  afterAll(async () => {
    await db.query(`DROP SCHEMA ${SCHEMA} CASCADE`);
    await db.destroy();
  });

  const storyOf = async (message: EnrichedArticleV3): Promise<string> =>
    String((await db.query(`SELECT story_id FROM articles WHERE article_id = $1`, [message.articleId]))[0].story_id);

  it('reads two seeds: one dated 2025-01-06, one without a date', () => {
    expect(seedFiles).toHaveLength(2);
    expect(datedSeed.article.publishedAt).toBe('2025-01-06');
    expect(undatedSeed.article.publishedAt).toBeNull();
  });

  it('keeps the two seeds in separate stories although they share Blinken, Seoul and North Korea', async () => {
    const result = await store.saveBatch([datedSeed, undatedSeed].map((message) => ({ message, traceId: null })));
    expect(result.stories.get(datedSeed.articleId)?.reason).toBe('new');
    expect(result.stories.get(undatedSeed.articleId)?.reason).toBe('new');
    expect(await storyOf(datedSeed)).not.toBe(await storyOf(undatedSeed));
  });

  it('would keep them apart even if both were dated the same week: too few shared salient entities, texts far apart', () => {
    const overlap = entityOverlap(salientEntities(datedSeed.entities), salientEntities(undatedSeed.entities));
    expect(overlap.overlap).toBeLessThan(DEFAULT_STORY_RULE.minEntityOverlap);
    const distance = simhashDistance(datedSeed.article.nearDuplicate!.simhash, undatedSeed.article.nearDuplicate!.simhash);
    expect(distance).toBeGreaterThan(DEFAULT_STORY_RULE.maxHammingDistance * 2);
  });

  it('puts a syndicated copy with another header and trailer into the dated seed’s story', async () => {
    expect(rewired.articleId).not.toBe(datedSeed.articleId);
    const result = await store.saveBatch([{ message: rewired, traceId: null }]);
    expect(result.stories.get(rewired.articleId)).toMatchObject({ reason: 'near-duplicate', matchedArticleId: datedSeed.articleId });
    expect(await storyOf(rewired)).toBe(await storyOf(datedSeed));
  });

  it('puts a lightly edited, shortened copy into the same story', async () => {
    const result = await store.saveBatch([{ message: edited, traceId: null }]);
    expect(result.stories.get(edited.articleId)?.reason).toBe('near-duplicate');
    expect(await storyOf(edited)).toBe(await storyOf(datedSeed));
    const [story] = await db.query(`SELECT article_count, first_article_id FROM stories WHERE id = $1`, [await storyOf(datedSeed)]);
    expect(story).toEqual({ article_count: 3, first_article_id: datedSeed.articleId });
  });

  it('changes nothing when all of it is delivered again', async () => {
    const count = async () => (await db.query(`SELECT (SELECT count(*) FROM stories)::int AS stories, (SELECT count(*) FROM articles)::int AS articles`))[0];
    const before = await count();
    await store.saveBatch([datedSeed, undatedSeed, rewired, edited].map((message) => ({ message, traceId: null })));
    expect(await count()).toEqual(before);
    expect(before).toEqual({ stories: 2, articles: 4 });
  });
});
