import type { INestApplication } from '@nestjs/common';
import { articleIdFor, enrichedArticleOf, normalizedArticleOf, type EnrichedArticleV3, type ExtractedEntity } from '@wirestream/contracts';
import { ArticleStore, createDataSource } from '@wirestream/db';
import { nearDuplicateSignature } from '@wirestream/normalize';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { startTestApi } from './api-test-app.spec-helper';

/** Its own schema in the project's test database, dropped afterwards. */
const SCHEMA = `api_${process.pid}_${Date.now()}`;
const BASE_URL = process.env.WIRESTREAM_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/wirestream_test';
const DATABASE_URL = `${BASE_URL}?options=${encodeURIComponent(`-c search_path=${SCHEMA}`)}`;

function entity(key: string, canonicalName: string, body: string, surfaces: string[] = [canonicalName], aliases: string[] = []): ExtractedEntity {
  const mentions = surfaces.flatMap((surface) => {
    const start = body.indexOf(surface);
    return start < 0 ? [] : [{ start, end: start + surface.length, text: surface, role: null }];
  });
  return { key, canonicalName, type: key.split(':')[0] as ExtractedEntity['type'], aliases, mentions };
}

function article(guid: string, options: { headline: string; body: string; publishedAt: string | null; agency?: string | null; sourceId?: string; language?: string; entities?: (body: string) => ExtractedEntity[] }): EnrichedArticleV3 {
  const sourceId = options.sourceId ?? 'wire-a';
  const articleId = articleIdFor({ sourceId, guid });
  const article = normalizedArticleOf({
    body: options.body,
    articleId,
    sourceId,
    documentUri: `https://example.org/${guid}`,
    headline: options.headline,
    dateline: { place: 'SEOUL', dateText: null, agency: options.agency ?? null },
    byline: { text: 'By A. Reporter', names: ['A. Reporter'], emails: [] },
    publishedAt: options.publishedAt,
    publishedAtSource: options.publishedAt ? 'feed' : null,
    publisher: 'Example Wire',
    originatingAgency: options.agency ?? null,
    nearDuplicate: nearDuplicateSignature(options.body),
    normalizerVersion: '0.1.0',
    ...(options.language ? { language: options.language } : {}),
  });
  return enrichedArticleOf({ articleId, extractorVersion: 'rules-0.1.0', entities: options.entities?.(options.body) ?? [], article });
}

const summitBody = 'Foreign Minister Park Jin met Antony Blinken in Seoul on Monday. Park Jin said: "We stand together." Blinken praised the alliance with the Republic of Korea.';
const summit = article('summit', {
  headline: 'Park Jin and Blinken reaffirm alliance',
  body: summitBody,
  publishedAt: '2026-03-02T08:00:00Z',
  agency: 'Yonhap',
  entities: (body) => [
    entity('PERSON:park jin', 'Park Jin', body, ['Park Jin']),
    entity('PERSON:antony blinken', 'Antony Blinken', body, ['Antony Blinken', 'Blinken'], ['Blinken']),
    entity('GPE:seoul', 'Seoul', body),
  ],
});
const harbourBody = 'Dockers in Busan walked out over pay on Tuesday, union leader Kim Ha-na said, halting container traffic at the harbour.';
const harbour = article('harbour', {
  headline: 'Busan dockers strike',
  body: harbourBody,
  publishedAt: '2026-03-03',
  agency: 'Kuwait News Agency (KUNA)',
  sourceId: 'wire-b',
  entities: (body) => [entity('PERSON:kim ha-na', 'Kim Ha-na', body), entity('GPE:busan', 'Busan', body)],
});
const harbourCopy = article('harbour-copy', {
  headline: 'Strike at Busan port',
  body: `BUSAN (Agency) -- ${harbourBody} (Editing by B. Editor)`,
  publishedAt: null,
  sourceId: 'wire-c',
  entities: (body) => [entity('PERSON:kim ha-na', 'Kim Ha-na', body), entity('GPE:busan', 'Busan', body)],
});
/** Stories in the languages a wire desk receives, to search in their own words. */
const foreign = [
  article('zh-1', { headline: '台北股市收盤上漲', body: '台北股市今天收盤上漲，電子股領漲，外資買超新台幣五十億元。', publishedAt: '2026-02-01T06:00:00Z', language: 'zh' }),
  article('ko-1', { headline: '서울시는 대중교통 요금을 인상한다', body: '서울시는 다음 달부터 지하철과 버스 요금을 인상한다고 밝혔다.', publishedAt: '2026-02-02T06:00:00Z', language: 'ko' }),
  article('el-1', { headline: 'Απεργία στα λιμάνια της Αθήνας', body: 'Οι λιμενεργάτες της Αθήνας κατέβηκαν σε απεργία για τους μισθούς τους.', publishedAt: '2026-02-03T06:00:00Z', language: 'el' }),
  article('ru-1', { headline: 'В Москве открылась выставка', body: 'В Москве открылась выставка современного искусства, сообщили организаторы.', publishedAt: '2026-02-04T06:00:00Z', language: 'ru' }),
];

/** 25 short market reports, one a day in January, to page through. */
const reports = Array.from({ length: 25 }, (_, index) =>
  article(`report-${index}`, {
    headline: `Market report ${index}`,
    body: `Shares in Seoul closed ${index % 2 ? 'higher' : 'lower'} on day ${index} of trading as the won moved against the dollar, number ${index * 7919}.`,
    publishedAt: `2026-01-${String(index + 1).padStart(2, '0')}T06:00:00Z`,
    agency: 'Yonhap',
    entities: (body) => [entity('GPE:seoul', 'Seoul', body)],
  }),
);

describe('query API against Postgres', () => {
  let writer: DataSource;
  let app: INestApplication;
  let baseUrl: string;

  const get = async (path: string) => {
    const response = await fetch(`${baseUrl}${path}`);
    return { status: response.status, body: (await response.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const entityId = async (key: string) => String((await writer.query(`SELECT id FROM entities WHERE key = $1`, [key]))[0].id);

  beforeAll(async () => {
    const admin = new Client({ connectionString: BASE_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${SCHEMA}`);
    await admin.end();
    writer = createDataSource(DATABASE_URL);
    await writer.initialize();
    await writer.runMigrations();
    const store = new ArticleStore(writer);
    await store.saveBatch([summit, harbour, ...reports, ...foreign].map((message) => ({ message, traceId: null })));
    await store.saveBatch([{ message: harbourCopy, traceId: null }]);
    await store.saveBatch([
      {
        message: {
          ...summit,
          quotes: [{ speakerKey: 'PERSON:park jin', speakerName: 'Park Jin', text: 'We stand together.', start: summitBody.indexOf('We stand'), end: summitBody.indexOf('We stand') + 18 }],
        },
        traceId: null,
      },
    ]);

    ({ app, baseUrl } = await startTestApi(DATABASE_URL, 'off'));
  });

  afterAll(async () => {
    await app?.close();
    await writer.query(`DROP SCHEMA ${SCHEMA} CASCADE`);
    await writer.destroy();
  });

  describe('GET /articles', () => {
    it('finds articles by full-text query over headline and body', async () => {
      const { status, body } = await get('/articles?q=dockers%20strike');
      expect(status).toBe(200);
      expect(body.items.map((item: { articleId: string }) => item.articleId).sort()).toEqual([harbour.articleId, harbourCopy.articleId].sort());
      expect(body.nextCursor).toBeNull();
    });

    it('filters by entity, source and agency', async () => {
      const kim = await entityId('PERSON:kim ha-na');
      expect((await get(`/articles?entity=${kim}`)).body.items).toHaveLength(2);
      expect((await get('/articles?source=wire-b')).body.items.map((item: { articleId: string }) => item.articleId)).toEqual([harbour.articleId]);
      const byAgency = await get('/articles?agency=kuwait%20news%20agency%20(kuna)');
      expect(byAgency.body.items.map((item: { articleId: string }) => item.articleId)).toEqual([harbour.articleId]);
    });

    it('filters by an inclusive date range, a date meaning the whole day', async () => {
      const { body } = await get('/articles?from=2026-01-10&to=2026-01-12&agency=Yonhap');
      expect(body.items.map((item: { headline: string }) => item.headline)).toEqual(['Market report 11', 'Market report 10', 'Market report 9']);
    });

    it('pages newest first with a cursor, without repeats or gaps', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const { status, body }: { status: number; body: { items: Array<{ headline: string }>; nextCursor: string | null } } = await get(
          `/articles?q=shares&limit=10${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(status).toBe(200);
        seen.push(...body.items.map((item) => item.headline));
        cursor = body.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      expect(seen).toEqual(Array.from({ length: 25 }, (_, index) => `Market report ${24 - index}`));
    });

    it.each([
      ['a two-character Chinese word inside a sentence', '股市', 'zh-1'],
      ['a Korean word with its ending glued on in the text', '서울', 'ko-1'],
      ['a Greek word in another inflection (Greek stemming)', 'Αθήνα', 'el-1'],
      ['a Russian word in another case (Russian stemming)', 'Москва выставки', 'ru-1'],
    ])('finds %s', async (_case, query, guid) => {
      const { status, body } = await get(`/articles?q=${encodeURIComponent(query)}`);
      expect(status).toBe(200);
      expect(body.items.map((item: { articleId: string }) => item.articleId)).toEqual([foreign.find((item) => item.article.documentUri.endsWith(guid))!.articleId]);
    });

    it.each([
      ['limit=0', 'limit'],
      ['limit=abc', 'limit'],
      ['limit=101', 'limit'],
      ['from=yesterday', 'from'],
      ['from=2026-02-01&to=2026-01-01', 'to'],
      ['entity=abc', 'entity'],
      ['cursor=not-a-cursor', 'cursor'],
      ['q=', 'q'],
      ['colour=red', 'colour'],
    ])('answers 400 naming the parameter for %s', async (query, parameter) => {
      const { status, body } = await get(`/articles?${query}`);
      expect(status).toBe(400);
      expect(body).toMatchObject({ statusCode: 400, message: 'invalid query parameters' });
      expect(body.problems.map((problem: { parameter: string }) => problem.parameter)).toContain(parameter);
    });
  });

  describe('GET /articles/:id', () => {
    it('returns the article with its entities, mentions and quotes', async () => {
      const { status, body } = await get(`/articles/${summit.articleId}`);
      expect(status).toBe(200);
      expect(body).toMatchObject({ articleId: summit.articleId, headline: summit.article.headline, body: summitBody, originatingAgency: 'Yonhap', dateline: { place: 'SEOUL' } });
      expect(body.entities.map((item: { key: string; mentionCount: number }) => [item.key, item.mentionCount])).toEqual([
        ['PERSON:park jin', 1],
        ['PERSON:antony blinken', 2],
        ['GPE:seoul', 1],
      ]);
      expect(body.mentions).toHaveLength(4);
      expect(body.quotes).toEqual([expect.objectContaining({ text: 'We stand together.', speakerName: 'Park Jin' })]);
    });

    it('answers 404 for an unknown id and 400 for a malformed one', async () => {
      expect((await get(`/articles/${'0'.repeat(32)}`)).status).toBe(404);
      const bad = await get('/articles/not-an-id');
      expect(bad.status).toBe(400);
      expect(bad.body.problems[0].parameter).toBe('id');
    });
  });

  describe('GET /entities', () => {
    it('finds an entity by a word prefix of its name or by an alias', async () => {
      const byPrefix = await get('/entities?q=blink');
      expect(byPrefix.body.items.map((item: { key: string }) => item.key)).toEqual(['PERSON:antony blinken']);
      const byHyphenatedPart = await get('/entities?q=ha-na');
      expect(byHyphenatedPart.body.items[0]).toMatchObject({ key: 'PERSON:kim ha-na', articleCount: 2 });
      const typed = await get('/entities?q=seoul&type=PERSON');
      expect(typed.body.items).toEqual([]);
    });

    it.each([['', 'q'], ['q=%20%20', 'q'], ['q=x&type=ANIMAL', 'type'], ['q=x&limit=-1', 'limit']])('answers 400 for "%s"', async (query, parameter) => {
      const { status, body } = await get(`/entities?${query}`);
      expect(status).toBe(400);
      expect(body.problems.map((problem: { parameter: string }) => problem.parameter)).toContain(parameter);
    });
  });

  describe('GET /entities/:id', () => {
    it('returns the entity with its articles, quotes and co-occurring entities', async () => {
      const { status, body } = await get(`/entities/${await entityId('PERSON:park jin')}`);
      expect(status).toBe(200);
      expect(body.entity).toMatchObject({ canonicalName: 'Park Jin', type: 'PERSON', articleCount: 1 });
      expect(body.articles.map((item: { articleId: string }) => item.articleId)).toEqual([summit.articleId]);
      expect(body.quotes.map((quote: { text: string }) => quote.text)).toEqual(['We stand together.']);
      expect(body.coOccurring.map((other: { key: string; sharedArticles: number }) => [other.key, other.sharedArticles])).toEqual([
        ['PERSON:antony blinken', 1],
        ['GPE:seoul', 1],
      ]);
    });

    it('answers 404 for an unknown id and 400 for a malformed one', async () => {
      expect((await get('/entities/999999999')).status).toBe(404);
      expect((await get('/entities/0')).status).toBe(400);
      expect((await get('/entities/99999999999999999999')).status).toBe(400);
    });
  });

  describe('GET /stories/:id', () => {
    it('returns a story with the syndicated copy beside its original, oldest first', async () => {
      const article = await get(`/articles/${harbourCopy.articleId}`);
      const { status, body } = await get(`/stories/${article.body.storyId}`);
      expect(status).toBe(200);
      expect(body.story).toMatchObject({ articleCount: 2, firstArticleId: harbour.articleId, headline: 'Busan dockers strike' });
      expect(body.articles.map((item: { articleId: string }) => item.articleId).sort()).toEqual([harbour.articleId, harbourCopy.articleId].sort());
    });

    it('answers 404 for an unknown id and 400 for a malformed one', async () => {
      expect((await get('/stories/424242424')).status).toBe(404);
      expect((await get('/stories/abc')).status).toBe(400);
    });
  });

  describe('service endpoints', () => {
    it('serves the OpenAPI document with every route', async () => {
      const { status, body } = await get('/docs-json');
      expect(status).toBe(200);
      expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/articles', '/articles/{id}', '/entities', '/entities/{id}', '/stories/{id}']));
      const docs = await fetch(`${baseUrl}/docs`);
      expect(docs.status).toBe(200);
    });

    it('reports ready when Postgres answers', async () => {
      expect((await get('/health/ready')).status).toBe(200);
    });

    it('opens read-only sessions, so a write through its pool fails', async () => {
      const reader = app.get<DataSource>((await import('typeorm')).DataSource);
      await expect(reader.query(`DELETE FROM stories`)).rejects.toThrow(/read-only/);
    });
  });
});
