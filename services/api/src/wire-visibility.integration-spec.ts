import type { INestApplication } from '@nestjs/common';
import { articleIdFor, enrichedArticleOf, normalizedArticleOf, type EnrichedArticleV3, type WireStatus } from '@wirestream/contracts';
import { ApiKeyStore, ArticleStore, createDataSource } from '@wirestream/db';
import { nearDuplicateSignature } from '@wirestream/normalize';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { startTestApi } from './api-test-app.spec-helper';

/** Its own schema in the project's test database, dropped afterwards. */
const SCHEMA = `api_wire_${process.pid}_${Date.now()}`;
const BASE_URL = process.env.WIRESTREAM_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/wirestream_test';
const DATABASE_URL = `${BASE_URL}?options=${encodeURIComponent(`-c search_path=${SCHEMA}`)}`;

/** A wire version of an item, naming one place (an entity) in its body. */
function version(item: string, wire: Partial<WireStatus>, headline: string, body: string, place: string, urgency?: number): EnrichedArticleV3 {
  const full: WireStatus = { agencyItemId: item, version: null, versionLabel: null, pubStatus: 'usable', statusNote: null, embargoedUntil: null, correction: false, ...wire };
  const articleId = articleIdFor({ sourceId: 'wire', guid: `${item}#${full.version}#${full.pubStatus}` });
  const article = normalizedArticleOf({
    body,
    articleId,
    sourceId: 'wire',
    headline,
    publishedAt: '2030-01-06T10:00:00Z',
    publishedAtSource: 'feed',
    nearDuplicate: nearDuplicateSignature(body),
    normalizerVersion: '0.1.0',
    wire: full,
    ...(urgency ? { urgency } : {}),
  });
  const start = body.indexOf(place);
  const entities = start < 0 ? [] : [{ key: `GPE:${place.toLowerCase()}`, canonicalName: place, type: 'GPE' as const, aliases: [], mentions: [{ start, end: start + place.length, text: place, role: null }] }];
  return enrichedArticleOf({ articleId, extractorVersion: 'rules-0.1.0', entities, article });
}

const first = version('urn:dam', { version: 1 }, 'Dam opens at Lindqvarn', 'The dam at Lindqvarn opened its gates on Monday, officials said.', 'Lindqvarn', 5);
const writeThru = version('urn:dam', { version: 2, versionLabel: '1st Ld-Writethru', correction: true }, 'Dam opens at Lindqvarn, two days late', 'The dam at Lindqvarn opened its gates on Wednesday, two days late, officials said.', 'Lindqvarn', 2);
const embargoed = version('urn:budget', { version: 1, embargoedUntil: '2099-01-01T00:00:00Z' }, 'Budget for Marrowby revealed', 'The Marrowby council budget doubles spending on schools, documents show.', 'Marrowby');
const kill = version('urn:quay', { version: 2, pubStatus: 'canceled', statusNote: 'Kill: the quay at Pelsworth did not reopen.' }, 'KILL', 'Kill the Pelsworth quay story.', 'Pelsworth');
const killed = version('urn:quay', { version: 1 }, 'Pelsworth quay reopens', 'The quay at Pelsworth reopened to ferries on Tuesday.', 'Pelsworth');

describe('wire copy through the query API', () => {
  let writer: DataSource;
  let app: INestApplication;
  let baseUrl: string;
  const tokens: Record<'plain' | 'desk', string> = { plain: '', desk: '' };

  const get = async (path: string, key: keyof typeof tokens = 'plain') => {
    const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${tokens[key]}` } });
    return { status: response.status, body: (await response.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const ids = (items: Array<{ articleId: string }>) => items.map((item) => item.articleId).sort();
  const entityId = async (key: string) => String((await writer.query(`SELECT id FROM entities WHERE key = $1`, [key]))[0].id);
  const storyOf = async (articleId: string) => String((await writer.query(`SELECT story_id FROM articles WHERE article_id = $1`, [articleId]))[0].story_id);

  beforeAll(async () => {
    const admin = new Client({ connectionString: BASE_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${SCHEMA}`);
    await admin.end();
    writer = createDataSource(DATABASE_URL);
    await writer.initialize();
    await writer.runMigrations();
    const store = new ArticleStore(writer);
    // The kill comes before the story it kills; each version in a batch of its own, as they arrive.
    for (const message of [first, embargoed, kill, killed, writeThru]) await store.saveBatch([{ message, traceId: null }]);
    const keys = new ApiKeyStore(writer);
    tokens.plain = (await keys.create('newsroom')).token;
    tokens.desk = (await keys.create('wire-desk', ['embargoed', 'killed'])).token;

    ({ app, baseUrl } = await startTestApi(DATABASE_URL, 'keys'));
  });

  afterAll(async () => {
    await app?.close();
    await writer.query(`DROP SCHEMA ${SCHEMA} CASCADE`);
    await writer.destroy();
  });

  it('lists only the current version of an item: a write-thru replaces the text it follows', async () => {
    expect(ids((await get('/articles')).body.items)).toEqual([writeThru.articleId]);
    expect(ids((await get('/articles?q=Wednesday')).body.items)).toEqual([writeThru.articleId]);
    expect((await get('/articles?q=Monday')).body.items).toEqual([]);
    const lindqvarn = await entityId('GPE:lindqvarn');
    expect(ids((await get(`/entities/${lindqvarn}`)).body.articles)).toEqual([writeThru.articleId]);
    expect(ids((await get(`/stories/${await storyOf(writeThru.articleId)}`)).body.articles)).toEqual([writeThru.articleId]);
  });

  it('lists both versions, oldest first, and answers the earlier one marked not current', async () => {
    const { status, body } = await get(`/articles/${first.articleId}/versions`);
    expect(status).toBe(200);
    expect(body.agencyItemId).toBe('urn:dam');
    expect(body.currentArticleId).toBe(writeThru.articleId);
    expect(body.items.map((item: { articleId: string; version: number; versionLabel: string | null; correction: boolean; current: boolean }) => [item.articleId, item.version, item.versionLabel, item.correction, item.current])).toEqual([
      [first.articleId, 1, null, false, false],
      [writeThru.articleId, 2, '1st Ld-Writethru', true, true],
    ]);
    const earlier = await get(`/articles/${first.articleId}`);
    expect(earlier.status).toBe(200);
    expect(earlier.body.wire).toMatchObject({ agencyItemId: 'urn:dam', version: 1, current: false, currentArticleId: writeThru.articleId, kill: null });
    expect((await get(`/articles/${writeThru.articleId}`)).body.wire).toMatchObject({ version: 2, current: true, correction: true });
  });

  it('hides embargoed copy on every route from a key not permitted to see it', async () => {
    expect(ids((await get('/articles?q=Marrowby')).body.items)).toEqual([]);
    expect((await get(`/articles/${embargoed.articleId}`)).status).toBe(404);
    expect((await get(`/articles/${embargoed.articleId}/versions`)).status).toBe(404);
    expect((await get('/entities?q=Marrowby')).body.items).toEqual([]);
    expect((await get(`/entities/${await entityId('GPE:marrowby')}`)).status).toBe(404);
    expect((await get(`/stories/${await storyOf(embargoed.articleId)}`)).status).toBe(404);
  });

  it('shows embargoed copy to a key permitted to see it, with its embargo', async () => {
    expect(ids((await get('/articles?q=Marrowby', 'desk')).body.items)).toEqual([embargoed.articleId]);
    expect((await get(`/articles/${embargoed.articleId}`, 'desk')).body.wire).toMatchObject({ embargoedUntil: '2099-01-01T00:00:00.000Z', current: true });
    expect((await get('/entities?q=Marrowby', 'desk')).body.items).toHaveLength(1);
  });

  it('hides a killed story and its kill notice from every route, though the kill came first', async () => {
    expect(ids((await get('/articles?q=Pelsworth')).body.items)).toEqual([]);
    expect((await get(`/articles/${killed.articleId}`)).status).toBe(404);
    expect((await get(`/articles/${kill.articleId}`)).status).toBe(404);
    expect((await get('/entities?q=Pelsworth')).body.items).toEqual([]);
    // Not listed even to the desk: a kill is for good.
    expect(ids((await get('/articles?q=Pelsworth', 'desk')).body.items)).toEqual([]);
  });

  it('shows a killed story as killed, with the reason and time, to a key permitted to see killed copy', async () => {
    const { status, body } = await get(`/articles/${killed.articleId}`, 'desk');
    expect(status).toBe(200);
    expect(body.wire.kill).toEqual({ status: 'canceled', reason: 'Kill: the quay at Pelsworth did not reopen.', killedAt: '2030-01-06T10:00:00.000Z', noticeArticleId: kill.articleId });
    const versions = await get(`/articles/${killed.articleId}/versions`, 'desk');
    expect(versions.body.currentArticleId).toBeNull();
    expect(versions.body.items.map((item: { pubStatus: string }) => item.pubStatus)).toEqual(['usable', 'canceled']);
  });

  it('lifts an embargo when its time passes, without a restart', async () => {
    await writer.query(`UPDATE articles SET embargoed_until = now() - interval '1 second' WHERE article_id = $1`, [embargoed.articleId]);
    expect(ids((await get('/articles?q=Marrowby')).body.items)).toEqual([embargoed.articleId]);
    expect((await get(`/articles/${embargoed.articleId}`)).status).toBe(200);
  });

  it('grants a key no permission it was not created with, and refuses unknown ones', async () => {
    const keys = new ApiKeyStore(writer);
    await expect(keys.create('everything', ['everything' as never])).rejects.toThrow(/unknown api key permission everything/);
    const listing = await keys.list();
    expect(listing.map((key) => [key.name, key.permissions])).toEqual([
      ['newsroom', []],
      ['wire-desk', ['embargoed', 'killed']],
    ]);
  });

  it('filters by urgency, one or a range', async () => {
    expect(ids((await get('/articles?urgency=1..3')).body.items)).toEqual([writeThru.articleId]);
    expect((await get('/articles?urgency=5')).body.items).toEqual([]);
    expect((await get('/articles?urgency=3..1')).status).toBe(400);
    expect((await get('/articles?urgency=10')).status).toBe(400);
  });
});
