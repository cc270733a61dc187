import { articleIdFor, enrichedArticleOf, normalizedArticleOf, type EnrichedArticleV3, type ExtractedEntity } from '@wirestream/contracts';
import type { DataSource } from 'typeorm';
import { storedSketchKeys } from '@wirestream/stories';
import { ArticleStore } from './article-store';
import { createDataSource, MIGRATIONS } from './data-source';
import { migratedTestSchema, type MigratedTestSchema } from './migrated-test-schema.spec-helper';


/** Runs `use` with a second store on its own connection pool to `url`, as a second storage instance would be. */
async function withSecondStore(url: string, use: (secondStore: ArticleStore) => Promise<void>): Promise<void> {
  const other = createDataSource(url);
  await other.initialize();
  try {
    await use(new ArticleStore(other));
  } finally {
    await other.destroy();
  }
}

function enriched(guid: string, body: string, entities: ExtractedEntity[]): EnrichedArticleV3 {
  const articleId = articleIdFor({ sourceId: 'test', guid });
  const article = normalizedArticleOf({
    body,
    articleId,
    documentUri: `https://example.org/${guid}`,
    headline: `Headline ${guid}`,
    dateline: { place: 'SEOUL', dateText: 'Jan 6', agency: 'Yonhap' },
    publishedAt: '2026-01-06',
    publishedAtSource: 'dateline',
    originatingAgency: 'Yonhap',
    normalizerVersion: 'test-1',
  });
  return enrichedArticleOf({ articleId, extractorVersion: 'test-1', entities, article });
}

function person(name: string, surface: string, start: number): ExtractedEntity {
  return { key: `PERSON:${name.toLowerCase()}`, canonicalName: name, type: 'PERSON', aliases: surface === name ? [] : [surface], mentions: [{ start, end: start + surface.length, text: surface, role: null }] };
}

describe('ArticleStore against Postgres', () => {
  let schema: MigratedTestSchema;
  let dataSource: DataSource;
  let store: ArticleStore;

  beforeAll(async () => {
    schema = await migratedTestSchema('article_store');
    dataSource = schema.dataSource;
    store = new ArticleStore(dataSource);
  });

  afterAll(() => schema.drop());

  async function lastMigration(): Promise<string | undefined> {
    return (await dataSource.query(`SELECT name FROM migrations ORDER BY id DESC LIMIT 1`))[0]?.name;
  }

  /** Undoes migrations until `name` is the last one run (it stays). */
  async function undoMigrationsAfter(name: string): Promise<void> {
    for (let undone = 0; (await lastMigration()) !== name; undone++) {
      if (undone >= MIGRATIONS.length) throw new Error(`migration ${name} is not among those run`);
      await dataSource.undoLastMigration();
    }
  }

  async function counts() {
    const [row] = await dataSource.query(
      `SELECT (SELECT count(*) FROM articles)::int AS articles, (SELECT count(*) FROM entities)::int AS entities, (SELECT count(*) FROM mentions)::int AS mentions`,
    );
    return row as { articles: number; entities: number; mentions: number };
  }

  async function allCounts() {
    const [row] = await dataSource.query(
      `SELECT (SELECT count(*) FROM articles)::int AS articles, (SELECT count(*) FROM entities)::int AS entities,
              (SELECT count(*) FROM mentions)::int AS mentions, (SELECT count(*) FROM quotes)::int AS quotes,
              (SELECT count(*) FROM stories)::int AS stories, (SELECT count(*) FROM sources)::int AS sources`,
    );
    return row as Record<string, number>;
  }

  const first = enriched('a', 'Antony Blinken met Park Jin.', [person('Antony Blinken', 'Antony Blinken', 0), person('Park Jin', 'Park Jin', 19)]);
  const second = enriched('b', 'Blinken left Seoul.', [person('Antony Blinken', 'Blinken', 0)]);

  it('opens sessions without JIT compilation, keeping the URL\'s own options', async () => {
    expect(await dataSource.query(`SELECT current_setting('jit') AS jit, current_schema() AS schema`)).toEqual([{ jit: 'off', schema: schema.name }]);
  });

  it('stores articles once and an entity shared by two articles as one row', async () => {
    await store.saveBatch([{ message: first, traceId: 'a'.repeat(32) }, { message: second, traceId: null }]);
    expect(await counts()).toEqual({ articles: 2, entities: 2, mentions: 3 });
    const [blinken] = await dataSource.query(`SELECT aliases FROM entities WHERE key = 'PERSON:antony blinken'`);
    expect(blinken.aliases).toEqual(['Blinken']);
    const [row] = await dataSource.query(`SELECT trace_id, dateline_place, published_at FROM articles WHERE article_id = $1`, [first.articleId]);
    expect(row).toMatchObject({ trace_id: 'a'.repeat(32), dateline_place: 'SEOUL' });
    expect(new Date(row.published_at).toISOString()).toBe('2026-01-06T00:00:00.000Z');
  });

  it('stores a span that a message names twice (under two entities) once', async () => {
    const twice = enriched('twice', 'Park Jin spoke.', [person('Park Jin', 'Park Jin', 0), { ...person('Jin Park', 'Park Jin', 0), key: 'PERSON:jin park' }]);
    await store.saveBatch([{ message: twice, traceId: null }]);
    const rows = await dataSource.query(`SELECT start_offset, end_offset FROM mentions WHERE article_id = $1`, [twice.articleId]);
    expect(rows).toEqual([{ start_offset: 0, end_offset: 8 }]);
    await dataSource.query(`DELETE FROM articles WHERE article_id = $1`, [twice.articleId]);
    await dataSource.query(`DELETE FROM entities WHERE key = 'PERSON:jin park'`);
  });

  it("keeps an entity's mentions in order, with surfaces that need quoting in an array literal intact", async () => {
    const surfaces = ['Kim "The Bull" Lee', 'Kim\\Lee', 'Kim {Lee}, Jr', 'NULL'];
    const body = surfaces.join(' met ');
    const starts = surfaces.map((surface) => body.indexOf(surface));
    const entity: ExtractedEntity = {
      key: 'PERSON:kim lee', canonicalName: 'Kim Lee', type: 'PERSON', aliases: [],
      // Out of order on purpose, and one with a role, the rest without.
      mentions: [3, 1, 0, 2].map((index) => ({ start: starts[index], end: starts[index] + surfaces[index].length, text: surfaces[index], role: index === 1 ? 'speaker' : null })),
    };
    const odd = enriched('odd', body, [entity]);
    await store.saveBatch([{ message: odd, traceId: null }]);
    const rows = await dataSource.query(`SELECT start_offset, surface, role FROM mentions WHERE article_id = $1 ORDER BY start_offset`, [odd.articleId]);
    expect(rows).toEqual(surfaces.map((surface, index) => ({ start_offset: starts[index], surface, role: index === 1 ? 'speaker' : null })));
    const [row] = await dataSource.query(`SELECT start_offsets FROM article_entities WHERE article_id = $1`, [odd.articleId]);
    expect(row.start_offsets).toEqual([...starts].sort((a, b) => a - b));
    await dataSource.query(`DELETE FROM articles WHERE article_id = $1`, [odd.articleId]);
    await dataSource.query(`DELETE FROM entities WHERE key = 'PERSON:kim lee'`);
  });

  it('adds nothing when the same batch is delivered again', async () => {
    const before = await allCounts();
    const [storiesBefore] = await dataSource.query(`SELECT array_agg(story_id ORDER BY article_id) AS ids FROM articles`);
    await store.saveBatch([{ message: first, traceId: null }, { message: second, traceId: null }]);
    expect(await allCounts()).toEqual(before);
    expect(before).toMatchObject({ articles: 2, sources: 1 });
    const [storiesAfter] = await dataSource.query(`SELECT array_agg(story_id ORDER BY article_id) AS ids FROM articles`);
    expect(storiesAfter.ids).toEqual(storiesBefore.ids);
  });

  it("replaces an article's mentions when it is processed again with other entities", async () => {
    const revised = { ...first, entities: [person('Park Jin', 'Park Jin', 19)] };
    await store.saveBatch([{ message: revised, traceId: null }]);
    const mentions = await dataSource.query(`SELECT surface FROM mentions WHERE article_id = $1`, [first.articleId]);
    expect(mentions).toEqual([{ surface: 'Park Jin' }]);
  });

  it("keeps each entity's article count as articles are written, replaced, delivered again and deleted, and counts a stored archive when migrated", async () => {
    const keptCounts = async (): Promise<Record<string, number>> =>
      Object.fromEntries(
        (
          await dataSource.query(
            `SELECT e.key, c.articles FROM entity_article_counts c JOIN entities e ON e.id = c.entity_id WHERE e.key LIKE 'PERSON:count %' ORDER BY e.key`,
          )
        ).map((row: { key: string; articles: number }) => [row.key.slice('PERSON:count '.length), row.articles]),
      );
    // Every entity's kept count against a count of the mentions themselves: none may differ.
    const differing = async () =>
      dataSource.query(
        `SELECT e.key, coalesce(c.articles, 0) AS kept, (SELECT count(*) FROM article_mentions m WHERE m.entity_ids @> ARRAY[e.id])::int AS counted
           FROM entities e LEFT JOIN entity_article_counts c ON c.entity_id = e.id
          WHERE coalesce(c.articles, 0) <> (SELECT count(*) FROM article_mentions m WHERE m.entity_ids @> ARRAY[e.id])`,
      );
    const one = enriched('count-1', 'Count Han met Count Kim.', [person('Count Han', 'Count Han', 0), person('Count Kim', 'Count Kim', 14)]);
    const two = enriched('count-2', 'Count Han left.', [person('Count Han', 'Count Han', 0)]);
    await store.saveBatch([{ message: one, traceId: null }, { message: two, traceId: null }]);
    expect(await keptCounts()).toEqual({ han: 2, kim: 1 });
    const oneAgain = { ...one, entities: [person('Count Kim', 'Count Kim', 14)], article: { ...one.article, body: 'Count Lee met Count Kim.' } };
    oneAgain.entities.push(person('Count Lee', 'Count Lee', 0));
    await store.saveBatch([{ message: oneAgain, traceId: null }]);
    expect(await keptCounts()).toEqual({ han: 1, kim: 1, lee: 1 });
    await store.saveBatch([{ message: oneAgain, traceId: null }, { message: two, traceId: null }]);
    expect(await keptCounts()).toEqual({ han: 1, kim: 1, lee: 1 });
    await dataSource.query(`DELETE FROM articles WHERE article_id = $1`, [two.articleId]);
    expect(await keptCounts()).toEqual({ han: 0, kim: 1, lee: 1 });
    expect(await differing()).toEqual([]);
    await undoMigrationsAfter('ArticleTables1797400000000');
    await dataSource.runMigrations();
    expect(await keptCounts()).toEqual({ kim: 1, lee: 1 });
    expect(await differing()).toEqual([]);
    await dataSource.query(`DELETE FROM articles WHERE article_id = $1`, [one.articleId]);
  });

  it("keeps each mention row's sort time equal to its article's, dated or not, replaced or migrated", async () => {
    const differing = async () =>
      dataSource.query(`SELECT m.article_id FROM article_mentions m JOIN articles a ON a.article_id = m.article_id WHERE m.sort_at IS DISTINCT FROM a.sort_at`);
    const sortTimes = async (ids: string[]) =>
      (await dataSource.query(`SELECT m.sort_at FROM article_mentions m WHERE m.article_id = ANY($1) ORDER BY m.article_id`, [ids])).map((row: { sort_at: Date }) =>
        row.sort_at.toISOString(),
      );
    const dated = enriched('sorted-dated', 'Sort Han met Sort Kim.', [person('Sort Han', 'Sort Han', 0)]);
    const undatedMessage = enriched('sorted-undated', 'Sort Han left.', [person('Sort Han', 'Sort Han', 0)]);
    const undated = { ...undatedMessage, article: { ...undatedMessage.article, publishedAt: null, fetchedAt: '2026-02-03T04:05:06.000Z' } };
    await store.saveBatch([{ message: dated, traceId: null }, { message: undated, traceId: null }]);
    const ids = [dated.articleId, undated.articleId].sort();
    expect(await sortTimes([dated.articleId])).toEqual(['2026-01-06T00:00:00.000Z']);
    expect(await sortTimes([undated.articleId])).toEqual(['2026-02-03T04:05:06.000Z']);
    const redated = { ...dated, article: { ...dated.article, publishedAt: '2026-01-09T10:00:00Z' } };
    await store.saveBatch([{ message: redated, traceId: null }]);
    expect(await sortTimes([dated.articleId])).toEqual(['2026-01-09T10:00:00.000Z']);
    expect(await differing()).toEqual([]);
    await undoMigrationsAfter('SketchKeysByPeriod1797600000000');
    await dataSource.runMigrations();
    expect(await sortTimes(ids)).toHaveLength(2);
    expect(await differing()).toEqual([]);
    await dataSource.query(`DELETE FROM articles WHERE article_id = ANY($1)`, [ids]);
  });

  describe('pipeline versions', () => {
    const versioned = (normalizerVersion: string, extractorVersion: string, headline: string): EnrichedArticleV3 => {
      const message = enriched('versioned', 'Park Jin spoke in Seoul on Monday.', [person('Park Jin', 'Park Jin', 0)]);
      return { ...message, extractorVersion, article: { ...message.article, headline, normalizerVersion } };
    };
    const stored = async () => {
      const [row] = await dataSource.query(`SELECT headline, normalizer_version, extractor_version, version_rank FROM articles WHERE article_id = $1`, [
        versioned('0', '0', '').articleId,
      ]);
      return row;
    };

    it('replaces an article in place when a newer normalizer or extractor processed it', async () => {
      await store.saveBatch([{ message: versioned('0.1.0', 'rules-0.1.0', 'first pass'), traceId: null }]);
      const result = await store.saveBatch([{ message: versioned('0.1.0', 'rules-0.2.0', 'newer extractor'), traceId: null }]);
      expect(result.written).toHaveLength(1);
      expect(await stored()).toMatchObject({ headline: 'newer extractor', extractor_version: 'rules-0.2.0', version_rank: [0, 1, 0, 0, 2, 0] });
      await store.saveBatch([{ message: versioned('0.10.0', 'rules-0.1.0', 'newer normalizer'), traceId: null }]);
      expect(await stored()).toMatchObject({ headline: 'newer normalizer', normalizer_version: '0.10.0' });
    });

    it('ignores an older version arriving late, mentions included', async () => {
      const before = await allCounts();
      const older = versioned('0.9.0', 'rules-9.0.0', 'older normalizer');
      const result = await store.saveBatch([{ message: { ...older, entities: [] }, traceId: null }]);
      expect(result).toMatchObject({ written: [], ignoredOlder: [older.articleId] });
      expect(await stored()).toMatchObject({ headline: 'newer normalizer', normalizer_version: '0.10.0' });
      expect(await allCounts()).toEqual(before);
    });
  });

  describe('quotes', () => {
    const quoted = enriched('quoted', 'Park Jin said: "We stand together." A spokesman added: "Talks go on."', [person('Park Jin', 'Park Jin', 0)]);

    it('stores quotes with their speaker entity, and replaces them when the article is processed again', async () => {
      await store.saveBatch([
        {
          message: {
            ...quoted,
            quotes: [
              { speakerKey: 'PERSON:park jin', speakerName: 'Park Jin', text: 'We stand together.', start: 15, end: 33 },
              { speakerKey: null, speakerName: 'A spokesman', text: 'Talks go on.', start: 55, end: 67 },
            ],
          },
          traceId: null,
        },
      ]);
      const rows = await dataSource.query(
        `SELECT q.text, e.canonical_name AS speaker, q.speaker_text FROM quotes q LEFT JOIN entities e ON e.id = q.speaker_entity_id WHERE q.article_id = $1 ORDER BY q.start_offset`,
        [quoted.articleId],
      );
      expect(rows).toEqual([
        { text: 'We stand together.', speaker: 'Park Jin', speaker_text: 'Park Jin' },
        { text: 'Talks go on.', speaker: null, speaker_text: 'A spokesman' },
      ]);
      await store.saveBatch([{ message: { ...quoted, quotes: [] }, traceId: null }]);
      expect(await dataSource.query(`SELECT * FROM quotes WHERE article_id = $1`, [quoted.articleId])).toEqual([]);
    });
  });

  describe('stories', () => {
    type NearDuplicate = EnrichedArticleV3['article']['nearDuplicate'];
    const paragraphs = Array.from({ length: 12 }, (_, index) => `Paragraph ${index} of the harbour strike report: dockers in Busan walked out over pay, union leader Kim Ha-na said on day ${index}.`);
    const wire = paragraphs.join('\n\n');
    // The normalizer computes signatures (its own tests measure them on real copy); here each copy
    // gets one a few bits from the original's, sharing most of its sketch, as a copy's would.
    const originalHash = 0x9a3c5e7f1b2d4e60n;
    const signature = (flippedBits: number, sketch: number[]) => ({
      simhash: (originalHash ^ ((1n << BigInt(flippedBits)) - 1n)).toString(16).padStart(16, '0'),
      sketch,
    });
    const strike = (guid: string, body: string, publishedAt: string | null, nearDuplicate: NearDuplicate): EnrichedArticleV3 => {
      const message = enriched(guid, body, [person('Kim Ha-na', 'Kim Ha-na', body.indexOf('Kim Ha-na'))]);
      return { ...message, article: { ...message.article, publishedAt, nearDuplicate } };
    };
    const storyOf = async (articleId: string) => (await dataSource.query(`SELECT story_id FROM articles WHERE article_id = $1`, [articleId]))[0].story_id;

    it('puts a syndicated copy with another header and trailer into its original story, in the same batch or later', async () => {
      const original = strike('strike-original', wire, '2026-03-02', signature(0, [1, 2, 3, 4, 5, 6, 7, 8]));
      const sameBatchCopy = strike('strike-copy-1', `BUSAN, March 2 (Agency) -- ${wire}\n\n(Reporting by A. Writer; editing by B. Editor)`, null, signature(3, [-9, 1, 2, 3, 4, 5, 6, 7]));
      const result = await store.saveBatch([{ message: original, traceId: null }, { message: sameBatchCopy, traceId: null }]);
      expect(result.stories.get(sameBatchCopy.articleId)?.reason).toBe('near-duplicate');
      const edited = strike('strike-copy-2', paragraphs.slice(0, 10).join('\n\n').replace('walked out', 'went on strike'), '2026-03-03', signature(6, [2, 3, 4, 5, 6, 8, 10, 11]));
      const later = await store.saveBatch([{ message: edited, traceId: null }]);
      expect(later.stories.get(edited.articleId)).toMatchObject({ reason: 'near-duplicate', matchedArticleId: expect.any(String) });
      const storyIds = await Promise.all([original, sameBatchCopy, edited].map((message) => storyOf(message.articleId)));
      expect(new Set(storyIds).size).toBe(1);
      const [story] = await dataSource.query(`SELECT article_count, first_article_id FROM stories WHERE id = $1`, [storyIds[0]]);
      expect(story).toEqual({ article_count: 3, first_article_id: original.articleId });
    });

    it('finds a copy through its rare sketch hashes when a boilerplate hash is on more stored stories than the lookup returns', async () => {
      // 60 unrelated stories carry one boilerplate hash; a one-article batch's lookup returns at most
      // 50 rows, and the original is stored after them, so a lookup by that hash alone misses it.
      const boilerplate = 900;
      const unrelated = Array.from({ length: 60 }, (_, index) =>
        strike(`boilerplate-${index}`, `Story ${index} about something else entirely. Copyright notice.`, '2026-04-01', {
          simhash: BigInt.asUintN(64, BigInt(index + 1) * 0x9e37_79b9_7f4a_7c15n).toString(16).padStart(16, '0'),
          sketch: [boilerplate, 1000 + index * 10, 1001 + index * 10, 1002 + index * 10],
        }),
      );
      const stored = await store.saveBatch(unrelated.map((message) => ({ message, traceId: null })));
      expect(new Set([...stored.stories.values()].map((story) => story.storyId)).size).toBe(60);
      const original = strike('boilerplate-original', `${wire} Copyright notice.`, '2026-04-02', signature(0, [boilerplate, 5001, 5002, 5003, 5004]));
      await store.saveBatch([{ message: original, traceId: null }]);
      const copy = strike('boilerplate-copy', `${wire} Copyright notice. (end)`, '2026-04-02', signature(2, [boilerplate, 5001, 5002, 5003, 5005]));
      const result = await store.saveBatch([{ message: copy, traceId: null }]);
      expect(result.stories.get(copy.articleId)).toMatchObject({ reason: 'near-duplicate', matchedArticleId: original.articleId });
    });

    it('gives copies stored at the same time by two storage instances one story', async () => {
      await withSecondStore(schema.url, async (secondStore) => {
        // Pairs of copies (one per instance), each pair about its own strike, so their batches share entities but not stories.
        for (let round = 0; round < 5; round++) {
          const sketch = [7000 + round * 10, 7001 + round * 10, 7002 + round * 10, 7003 + round * 10];
          const body = `${wire} Round ${round}.`;
          const copyA = strike(`concurrent-${round}-a`, body, '2026-05-01', signature(round, sketch));
          const copyB = strike(`concurrent-${round}-b`, `${body} (end)`, '2026-05-01', signature(round + 1, sketch));
          await Promise.all([store.saveBatch([{ message: copyA, traceId: null }]), secondStore.saveBatch([{ message: copyB, traceId: null }])]);
          const [storyA, storyB] = await Promise.all([storyOf(copyA.articleId), storyOf(copyB.articleId)]);
          expect(storyB).toBe(storyA);
          const [story] = await dataSource.query(`SELECT article_count FROM stories WHERE id = $1`, [storyA]);
          expect(story.article_count).toBe(2);
        }
      });
    });

    it("puts an undated copy read in the same backfill as its years-old original into the original's story, and keys both by the periods the migration computes", async () => {
      const backfilled = (guid: string, body: string, publishedAt: string | null, fetchedAt: string, nearDuplicate: NearDuplicate) => {
        const message = strike(guid, body, publishedAt, nearDuplicate);
        return { ...message, article: { ...message.article, fetchedAt } };
      };
      const original = backfilled('backfill-original', `${wire} Archive.`, '2024-02-01', '2026-06-01T10:00:00.000Z', signature(0, [8101, 8102, 8103, 8104]));
      await store.saveBatch([{ message: original, traceId: null }]);
      const copy = backfilled('backfill-copy', `${wire} Archive. (end)`, null, '2026-06-02T10:00:00.000Z', signature(2, [8101, 8102, 8103, 8105]));
      const result = await store.saveBatch([{ message: copy, traceId: null }]);
      expect(result.stories.get(copy.articleId)).toMatchObject({ reason: 'near-duplicate', matchedArticleId: original.articleId });

      const keysOf = async () =>
        Object.fromEntries(
          (await dataSource.query(`SELECT article_id, sketch_keys FROM articles WHERE article_id = ANY($1)`, [[original.articleId, copy.articleId]])).map(
            (row: { article_id: string; sketch_keys: string[] }) => [row.article_id, row.sketch_keys.map(Number).sort((a, b) => a - b)],
          ),
        );
      const expected = Object.fromEntries(
        [original, copy].map((message) => [
          message.articleId,
          storedSketchKeys(message.article.nearDuplicate!.sketch, {
            publishedAt: message.article.publishedAt ? new Date(`${message.article.publishedAt}T00:00:00Z`) : null,
            fetchedAt: new Date(message.article.fetchedAt),
          }).sort((a, b) => a - b),
        ]),
      );
      expect(expected[original.articleId]).toHaveLength(8);
      expect(await keysOf()).toEqual(expected);
      await undoMigrationsAfter('EntityArticleCounts1797500000000');
      await dataSource.runMigrations();
      expect(await keysOf()).toEqual(expected);
    });

    it("joins accounts of one event across a week's boundary, finds a replaced article's salient rows to the microsecond, and rebuilds them from the articles when migrated", async () => {
      const names = ['Ko Eun', 'Bae Dal', 'Seo Rin', 'Jang Mi'];
      const account = (guid: string, body: string, publishedAt: string, cast: string[]) => {
        const message = enriched(guid, body, cast.map((name) => person(name, name, body.indexOf(name))));
        return { ...message, article: { ...message.article, publishedAt, nearDuplicate: null } };
      };
      // Weeks start on Monday 00:00 UTC: the first account is Sunday night's, the second Monday's.
      const sunday = account('week-end', `${names.join(', ')} signed the port accord late on Sunday.`, '2026-03-08T23:30:00.123456Z', names);
      const monday = account('week-start', `Port accord: ${names.join(' and ')} met the press on Monday morning.`, '2026-03-09T01:00:00Z', names);
      await store.saveBatch([{ message: sunday, traceId: null }]);
      const result = await store.saveBatch([{ message: monday, traceId: null }]);
      expect(result.stories.get(monday.articleId)).toMatchObject({ reason: 'same-event', matchedArticleId: sunday.articleId });

      const salientOf = async (articleId: string) =>
        (await dataSource.query(`SELECT entity_key FROM article_salient_entities WHERE article_id = $1 ORDER BY entity_key`, [articleId])).map(
          (row: { entity_key: string }) => row.entity_key,
        );
      expect(await salientOf(sunday.articleId)).toEqual(names.map((name) => `PERSON:${name.toLowerCase()}`).sort());
      const retold = account('week-end', 'Lee Hwan alone spoke for the port on Sunday.', sunday.article.publishedAt!, ['Lee Hwan']);
      await store.saveBatch([{ message: retold, traceId: null }]);
      expect(await salientOf(sunday.articleId)).toEqual(['PERSON:lee hwan']);

      // The migration rebuilds the rows from the articles' own columns: a row no article accounts for goes.
      const allRows = async () =>
        (await dataSource.query(`SELECT entity_key, published_at, article_id FROM article_salient_entities ORDER BY article_id, entity_key`)).map(
          (row: { entity_key: string; published_at: Date; article_id: string }) => `${row.article_id} ${row.entity_key} ${row.published_at.toISOString()}`,
        );
      const before = await allRows();
      const indexes = async () =>
        (await dataSource.query(`SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'article_salient_entities' ORDER BY indexname`)).map(
          (row: { indexname: string }) => row.indexname,
        );
      expect(await indexes()).toEqual(['article_salient_entities_week_idx']);
      await undoMigrationsAfter('MentionRowsSortedByDate1797700000000');
      expect(await indexes()).toEqual(['article_salient_entities_article_idx', 'article_salient_entities_pkey']);
      await dataSource.query(`INSERT INTO article_salient_entities (entity_key, published_at, article_id) VALUES ('PERSON:nobody', now(), 'no-such-article')`);
      await dataSource.runMigrations();
      expect(await allRows()).toEqual(before);
      expect(await indexes()).toEqual(['article_salient_entities_week_idx']);
    });

    it('starts a new story for an unrelated article', async () => {
      const other = strike('unrelated', 'Heavy snow closed the airport in Sapporo for a second day; Kim Ha-na was among stranded travellers.', '2026-03-02', {
        simhash: (originalHash ^ 0x5555_5555_5555_5555n).toString(16).padStart(16, '0'),
        sketch: [20, 21, 22, 23, 24, 25, 26, 27],
      });
      const result = await store.saveBatch([{ message: other, traceId: null }]);
      expect(result.stories.get(other.articleId)?.reason).toBe('new');
      expect(await storyOf(other.articleId)).not.toBe(await storyOf(articleIdFor({ sourceId: 'test', guid: 'strike-original' })));
    });
  });

  it('keeps one row per entity, with every alias, when two storage instances bring it at the same time', async () => {
    await withSecondStore(schema.url, async (secondStore) => {
      for (let round = 0; round < 5; round++) {
        const name = `Lee Seo-yeon ${round}`;
        const fromA = enriched(`entity-race-${round}-a`, `Minister ${name} spoke.`, [person(name, `Minister Lee ${round}`, 0), person('Choi Tae-won', 'Choi', 20)]);
        const fromB = enriched(`entity-race-${round}-b`, `Ms ${name} left.`, [person(name, `Ms Lee ${round}`, 0), person('Choi Tae-won', `Mr Choi ${round}`, 20)]);
        await Promise.all([store.saveBatch([{ message: fromA, traceId: null }]), secondStore.saveBatch([{ message: fromB, traceId: null }])]);
        const rows = await dataSource.query(`SELECT id, aliases FROM entities WHERE key = $1`, [`PERSON:${name.toLowerCase()}`]);
        expect(rows).toHaveLength(1);
        expect(rows[0].aliases).toEqual([`Minister Lee ${round}`, `Ms Lee ${round}`]);
        const linked = await dataSource.query(`SELECT article_id FROM article_entities WHERE article_id = ANY($1) AND entity_id = $2`, [
          [fromA.articleId, fromB.articleId],
          rows[0].id,
        ]);
        expect(linked.map((row: { article_id: string }) => row.article_id).sort()).toEqual([fromA.articleId, fromB.articleId].sort());
        const dangling = await dataSource.query(`SELECT count(*)::int AS n FROM article_entities m WHERE NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = m.entity_id)`);
        expect(dangling[0].n).toBe(0);
      }
      // Known after the first round: each later round adds its alias to the one row.
      const [choi] = await dataSource.query(`SELECT aliases FROM entities WHERE key = 'PERSON:choi tae-won'`);
      expect(choi.aliases).toEqual(['Choi', 'Mr Choi 0', 'Mr Choi 1', 'Mr Choi 2', 'Mr Choi 3', 'Mr Choi 4']);
    });
  });

  it('leaves only the newer version of an article that two storage instances write at the same time', async () => {
    await withSecondStore(schema.url, async (secondStore) => {
      for (let round = 0; round < 5; round++) {
        // One article, two extractor versions naming different people: a partition moving between
        // instances hands the older message to one and the newer to the other.
        const base = enriched(`moving-${round}`, 'Park Jin met Choi Tae-won.', []);
        const older: EnrichedArticleV3 = { ...base, extractorVersion: 'rules-1.0.0', entities: [person(`Park Jin ${round}`, 'Park Jin', 0)] };
        const newer: EnrichedArticleV3 = { ...base, extractorVersion: 'rules-2.0.0', entities: [person(`Choi Tae-won ${round}`, 'Choi Tae-won', 13)] };
        const [first, second] = round % 2 === 0 ? [store, secondStore] : [secondStore, store];
        await Promise.all([first.saveBatch([{ message: older, traceId: null }]), second.saveBatch([{ message: newer, traceId: null }])]);
        const [row] = await dataSource.query(`SELECT extractor_version FROM articles WHERE article_id = $1`, [base.articleId]);
        expect(row.extractor_version).toBe('rules-2.0.0');
        const named = await dataSource.query(
          `SELECT e.key FROM article_entities m JOIN entities e ON e.id = m.entity_id WHERE m.article_id = $1`,
          [base.articleId],
        );
        expect(named.map((entity: { key: string }) => entity.key)).toEqual([`PERSON:choi tae-won ${round}`]);
        const salient = await dataSource.query(`SELECT entity_key FROM article_salient_entities WHERE article_id = $1`, [base.articleId]);
        expect(salient.every((entity: { entity_key: string }) => !entity.entity_key.includes('park jin'))).toBe(true);
      }
    });
  });

  it('adds an alias a later batch brings to the same entity row, and links known entities without rewriting them', async () => {
    const [before] = await dataSource.query(`SELECT id, xmin::text AS version FROM entities WHERE key = 'PERSON:park jin'`);
    const later = enriched('c', 'Secretary Blinken and Park met again.', [person('Antony Blinken', 'Secretary Blinken', 0), person('Park Jin', 'Park Jin', 22)]);
    // Park Jin is named as before: its row keeps its version; the mention still points at it.
    later.entities[1].mentions[0] = { start: 22, end: 26, text: 'Park', role: null };
    await store.saveBatch([{ message: later, traceId: null }]);
    const [blinken] = await dataSource.query(`SELECT aliases FROM entities WHERE key = 'PERSON:antony blinken'`);
    expect(blinken.aliases).toEqual(['Blinken', 'Secretary Blinken']);
    const [park] = await dataSource.query(`SELECT id, xmin::text AS version FROM entities WHERE key = 'PERSON:park jin'`);
    expect(park).toEqual(before);
    const mentions = await dataSource.query(`SELECT entity_id, surface FROM mentions WHERE article_id = $1 ORDER BY start_offset`, [later.articleId]);
    expect(mentions.map((mention: { entity_id: string }) => String(mention.entity_id))).toContain(String(before.id));
  });

  it('moves stored mentions between one row per mention and one row per (article, entity) both ways, losing none', async () => {
    const mentionRows = () => dataSource.query(`SELECT article_id, entity_id, start_offset, end_offset, surface, role FROM mentions ORDER BY article_id, start_offset`);
    const tableType = async () => (await dataSource.query(`SELECT table_type FROM information_schema.tables WHERE table_name = 'mentions' AND table_schema = current_schema()`))[0]?.table_type;
    // One entity named twice, so a row of the new table holds more than one mention.
    const twiceNamed = enriched('named-twice', 'Park Jin met Park Jin.', [
      { ...person('Park Jin', 'Park Jin', 0), mentions: [{ start: 13, end: 21, text: 'Park Jin', role: null }, { start: 0, end: 8, text: 'Park Jin', role: 'speaker' }] },
    ]);
    await store.saveBatch([{ message: twiceNamed, traceId: null }]);
    const stored = await mentionRows();
    expect(stored.filter((row: { article_id: string }) => row.article_id === twiceNamed.articleId)).toHaveLength(2);
    expect(await tableType()).toBe('VIEW');
    // Later migrations are undone first, then the mentions one.
    await undoMigrationsAfter('ArticleEntities1795400000000');
    await dataSource.undoLastMigration();
    expect(await tableType()).toBe('BASE TABLE');
    expect(await mentionRows()).toEqual(stored);
    await dataSource.runMigrations();
    expect(await tableType()).toBe('VIEW');
    expect(await mentionRows()).toEqual(stored);
    const [{ rows }] = await dataSource.query(`SELECT count(*)::int AS rows FROM article_entities`);
    expect(rows).toBe(new Set(stored.map((row: { article_id: string; entity_id: string }) => `${row.article_id} ${row.entity_id}`)).size);
  });

  it('keeps an article\'s mentions in one row, moving them from and back to one row per (article, entity) losing none', async () => {
    const entityRows = () =>
      dataSource.query(`SELECT article_id, entity_id::text, start_offsets, end_offsets, surfaces, roles FROM article_entities ORDER BY article_id, entity_id`);
    const mentionRows = () => dataSource.query(`SELECT article_id, entity_id::text, start_offset, end_offset, surface, role FROM mentions ORDER BY article_id, start_offset`);
    const awkward = enriched('one-row', 'Kim "Jr" met Lee\\Min, then Kim again.', [
      { ...person('Kim Jr', 'Kim "Jr"', 0), mentions: [{ start: 29, end: 32, text: 'Kim', role: null }, { start: 0, end: 8, text: 'Kim "Jr"', role: 'speaker' }] },
      person('Lee Min', 'Lee\\Min', 13),
    ]);
    await store.saveBatch([{ message: awkward, traceId: null }]);
    const [row] = await dataSource.query(
      `SELECT cardinality(entity_ids) AS entities, mention_entity_ids::text[] AS mention_entities, start_offsets, surfaces FROM article_mentions WHERE article_id = $1`,
      [awkward.articleId],
    );
    const ids = await dataSource.query(`SELECT key, id::text FROM entities WHERE key IN ('PERSON:kim jr', 'PERSON:lee min')`);
    const idOf = (key: string) => ids.find((entity: { key: string }) => entity.key === key).id;
    expect(row).toEqual({
      entities: 2,
      mention_entities: [idOf('PERSON:kim jr'), idOf('PERSON:lee min'), idOf('PERSON:kim jr')],
      start_offsets: [0, 13, 29],
      surfaces: ['Kim "Jr"', 'Lee\\Min', 'Kim'],
    });
    const entitiesBefore = await entityRows();
    const mentionsBefore = await mentionRows();
    expect(mentionsBefore.length).toBeGreaterThan(entitiesBefore.length);
    await undoMigrationsAfter('MentionsKeptWithArticle1796600000000');
    await dataSource.undoLastMigration();
    const tableType = async (name: string) =>
      (await dataSource.query(`SELECT table_type FROM information_schema.tables WHERE table_name = $1 AND table_schema = current_schema()`, [name]))[0]?.table_type;
    expect([await tableType('article_entities'), await tableType('article_mentions')]).toEqual(['BASE TABLE', undefined]);
    expect(await entityRows()).toEqual(entitiesBefore);
    expect(await mentionRows()).toEqual(mentionsBefore);
    await dataSource.runMigrations();
    expect([await tableType('article_entities'), await tableType('article_mentions')]).toEqual(['VIEW', 'BASE TABLE']);
    expect(await entityRows()).toEqual(entitiesBefore);
    expect(await mentionRows()).toEqual(mentionsBefore);
  });

  it('compresses long bodies and search vectors with lz4, and with pglz again once that migration is undone', async () => {
    const [{ lz4 }] = await dataSource.query(`SELECT 'lz4' = ANY(enumvals) AS lz4 FROM pg_settings WHERE name = 'default_toast_compression'`);
    expect(lz4).toBe(true); // Debian's and the official images' servers are built with it
    const longStory = (guid: string) =>
      enriched(guid, Array.from({ length: 200 }, (_, i) => `Paragraph ${i}: minister${i} met envoy${i} in city${i} to discuss trade${i} and security${i}.`).join('\n\n'), []);
    const compression = async (articleId: string) =>
      (await dataSource.query(`SELECT pg_column_compression(body) AS body, pg_column_compression(search_vector) AS search FROM articles WHERE article_id = $1`, [articleId]))[0];
    const first = longStory('long-lz4');
    await store.saveBatch([{ message: first, traceId: null }]);
    expect(await compression(first.articleId)).toEqual({ body: 'lz4', search: 'lz4' });
    const second = longStory('long-pglz');
    await store.saveBatch([{ message: second, traceId: null }]);
    await undoMigrationsAfter('Lz4ArticleText1796200000000');
    await dataSource.undoLastMigration();
    // Rewritten under the older schema (which today's store cannot write), its text is compressed as that schema says.
    await dataSource.query(`UPDATE articles SET body = body || ' (end)' WHERE article_id = $1`, [second.articleId]);
    expect(await compression(second.articleId)).toEqual({ body: 'pglz', search: 'pglz' });
    await dataSource.runMigrations();
    // Both read back whole, whichever way they were compressed.
    const bodies = await dataSource.query(`SELECT body FROM articles WHERE article_id = ANY($1) ORDER BY article_id`, [[first.articleId, second.articleId]]);
    expect(bodies.map((row: { body: string }) => row.body).sort()).toEqual([first.article.body, `${second.article.body} (end)`].sort());
  });

  it("deletes an article's salient entities and quotes with it, unlinks a deleted entity's quotes, and puts the keys back when undone", async () => {
    const said = (guid: string, speaker: string) => ({
      ...enriched(guid, `${speaker} said: "We stand together."`, [person(speaker, speaker, 0)]),
      quotes: [{ speakerKey: `PERSON:${speaker.toLowerCase()}`, speakerName: speaker, text: 'We stand together.', start: speaker.length + 8, end: speaker.length + 26 }],
    });
    const rowsOf = async (articleId: string) => {
      const [row] = await dataSource.query(
        `SELECT (SELECT count(*) FROM article_salient_entities WHERE article_id = $1)::int AS salient,
                (SELECT count(*) FROM quotes WHERE article_id = $1)::int AS quotes,
                (SELECT count(*) FROM quotes WHERE article_id = $1 AND speaker_entity_id IS NOT NULL)::int AS with_speaker`,
        [articleId],
      );
      return row;
    };
    const first = said('kept-1', 'Han Sol');
    const second = said('kept-2', 'Yoon Bo');
    await store.saveBatch([{ message: first, traceId: null }, { message: second, traceId: null }]);
    expect(await rowsOf(first.articleId)).toEqual({ salient: 1, quotes: 1, with_speaker: 1 });
    await dataSource.query(`DELETE FROM articles WHERE article_id = $1`, [first.articleId]);
    expect(await rowsOf(first.articleId)).toEqual({ salient: 0, quotes: 0, with_speaker: 0 });
    expect(await rowsOf(second.articleId)).toEqual({ salient: 1, quotes: 1, with_speaker: 1 });
    await dataSource.query(`DELETE FROM entities WHERE key = 'PERSON:yoon bo'`);
    expect(await rowsOf(second.articleId)).toEqual({ salient: 1, quotes: 1, with_speaker: 0 });
    await dataSource.query(`TRUNCATE articles CASCADE`);
    expect(await rowsOf(second.articleId)).toEqual({ salient: 0, quotes: 0, with_speaker: 0 });

    const foreignKeys = async () =>
      (
        await dataSource.query(
          `SELECT conname FROM pg_constraint WHERE conrelid IN ('article_salient_entities'::regclass, 'quotes'::regclass) AND contype = 'f' ORDER BY conname`,
        )
      ).map((row: { conname: string }) => row.conname);
    expect(await foreignKeys()).toEqual([]);
    await undoMigrationsAfter('SalientEntitiesAndQuotesKeptByWriter1796500000000');
    await dataSource.undoLastMigration();
    expect(await foreignKeys()).toEqual(['article_salient_entities_article_id_fkey', 'quotes_article_id_fkey', 'quotes_speaker_entity_id_fkey']);
    await dataSource.runMigrations();
    expect(await foreignKeys()).toEqual([]);
  });

  it('keeps no index on articles that no query reads, and puts them back when undone', async () => {
    const articleIndexes = async () =>
      (await dataSource.query(`SELECT indexname FROM pg_indexes WHERE tablename = 'articles' AND schemaname = current_schema() ORDER BY indexname`)).map(
        (row: { indexname: string }) => row.indexname,
      );
    const unread = ['articles_content_hash_idx', 'articles_published_idx'];
    const unreadPresent = async () => (await articleIndexes()).filter((name: string) => unread.includes(name));
    expect(await unreadPresent()).toEqual([]);
    expect(await articleIndexes()).toEqual(expect.arrayContaining(['articles_sort_idx', 'articles_search_idx', 'articles_sketch_keys_idx']));
    await undoMigrationsAfter('DropUnreadArticleIndexes1796400000000');
    await dataSource.undoLastMigration();
    expect(await unreadPresent()).toEqual(unread);
    await dataSource.runMigrations();
    expect(await unreadPresent()).toEqual([]);
  });

  it("deletes an article's or an entity's article_entities rows with it, and puts the foreign keys back when undone", async () => {
    const rowsOf = async (articleId: string) => (await dataSource.query(`SELECT entity_id FROM article_entities WHERE article_id = $1`, [articleId])).length;
    const first = enriched('cascade-1', 'Lee Min met Cho Ana.', [person('Lee Min', 'Lee Min', 0), person('Cho Ana', 'Cho Ana', 12)]);
    const second = enriched('cascade-2', 'Cho Ana spoke.', [person('Cho Ana', 'Cho Ana', 0)]);
    await store.saveBatch([{ message: first, traceId: null }, { message: second, traceId: null }]);
    expect([await rowsOf(first.articleId), await rowsOf(second.articleId)]).toEqual([2, 1]);
    await dataSource.query(`DELETE FROM articles WHERE article_id = $1`, [first.articleId]);
    expect(await rowsOf(first.articleId)).toBe(0);
    expect(await rowsOf(second.articleId)).toBe(1);
    // An article naming a deleted entity and another keeps the other's mentions, in text order.
    const both = enriched('cascade-both', 'Cho Ana met Lee Min and Cho Ana.', [
      { ...person('Cho Ana', 'Cho Ana', 0), mentions: [{ start: 24, end: 31, text: 'Cho Ana', role: null }, { start: 0, end: 7, text: 'Cho Ana', role: 'speaker' }] },
      person('Lee Min', 'Lee Min', 12),
    ]);
    await store.saveBatch([{ message: both, traceId: null }]);
    await dataSource.query(`DELETE FROM entities WHERE key = 'PERSON:cho ana'`);
    expect(await rowsOf(second.articleId)).toBe(0);
    expect(await dataSource.query(`SELECT start_offset, surface, role FROM mentions WHERE article_id = $1 ORDER BY start_offset`, [both.articleId])).toEqual([
      { start_offset: 12, surface: 'Lee Min', role: null },
    ]);
    const [{ lee }] = await dataSource.query(`SELECT id::text AS lee FROM entities WHERE key = 'PERSON:lee min'`);
    expect(await dataSource.query(`SELECT entity_ids::text[] AS ids FROM article_mentions WHERE article_id = $1`, [both.articleId])).toEqual([{ ids: [lee] }]);
    await dataSource.query(`DELETE FROM entities WHERE key = 'PERSON:lee min'`);
    expect(await dataSource.query(`SELECT article_id FROM article_mentions WHERE article_id = $1`, [both.articleId])).toEqual([]);

    const third = enriched('cascade-3', 'Lee Min left.', [person('Lee Min', 'Lee Min', 0)]);
    await store.saveBatch([{ message: third, traceId: null }]);
    expect(await rowsOf(third.articleId)).toBe(1);
    // TRUNCATE … CASCADE, as a reset would run it; the article stored again must find no old rows.
    await dataSource.query(`TRUNCATE articles CASCADE`);
    expect(await rowsOf(third.articleId)).toBe(0);
    await store.saveBatch([{ message: third, traceId: null }]);
    expect(await rowsOf(third.articleId)).toBe(1);

    const foreignKeys = async () =>
      (await dataSource.query(`SELECT conname FROM pg_constraint WHERE conrelid = 'article_entities'::regclass AND contype = 'f' ORDER BY conname`)).map((row: { conname: string }) => row.conname);
    expect(await foreignKeys()).toEqual([]);
    await undoMigrationsAfter('ArticleEntitiesKeptByWriter1796300000000');
    expect(await lastMigration()).toBe('ArticleEntitiesKeptByWriter1796300000000');
    await dataSource.undoLastMigration();
    expect(await foreignKeys()).toEqual(['article_entities_article_id_fkey', 'article_entities_entity_id_fkey']);
    await dataSource.runMigrations();
    expect(await foreignKeys()).toEqual([]);
  });

  it('stores a headline-only article flagged, with its urgency and notes, and resets them when it is processed again with a body', async () => {
    const flash = enriched('flash-1', '', []);
    flash.article = { ...flash.article, bodyless: true, urgency: 1, processingNotes: ['no body text: stored as a headline-only item'] };
    await store.saveBatch([{ message: flash, traceId: null }]);
    const row = async () => (await dataSource.query(`SELECT body, bodyless, urgency, processing_notes FROM articles WHERE article_id = $1`, [flash.articleId]))[0];
    expect(await row()).toEqual({ body: '', bodyless: true, urgency: 1, processing_notes: ['no body text: stored as a headline-only item'] });
    const filled = enriched('flash-1', 'SEOUL, Jan 6 (Yonhap) -- The full story followed the flash.', []);
    await store.saveBatch([{ message: filled, traceId: null }]);
    expect(await row()).toMatchObject({ bodyless: false, urgency: null, processing_notes: [] });
  });

  it('stores the tables of an article as JSON rows of cells, beside articles without any, and clears them when it comes again without', async () => {
    const standings = enriched('tables-1', 'PORT ALLEN (Wire) -- The Coastal League standings after Sunday.', []);
    const tables = [{ caption: 'Coastal League', rows: [['', 'W', 'L'], ['Harbor City', '23', '13'], ['Oster "Bay"', '19', '{17}']] }];
    standings.article = { ...standings.article, tables };
    const plain = enriched('tables-2', 'PORT ALLEN (Wire) -- A story with no table at all.', []);
    await store.saveBatch([standings, plain].map((message) => ({ message, traceId: null })));
    const tablesOf = async (articleId: string) => (await dataSource.query(`SELECT tables FROM articles WHERE article_id = $1`, [articleId]))[0].tables;
    expect(await tablesOf(standings.articleId)).toEqual(tables);
    expect(await tablesOf(plain.articleId)).toBeNull();
    await store.saveBatch([{ message: enriched('tables-1', 'PORT ALLEN (Wire) -- The Coastal League standings after Sunday.', []), traceId: null }]);
    expect(await tablesOf(standings.articleId)).toBeNull();
  });

  it('keeps unrelated headline-only articles of one batch in stories of their own: no signature, none computed', async () => {
    const flashes = ['FLASH: Bridge closed', 'FLASH: Earthquake off Hokkaido'].map((headline, index) => {
      const flash = enriched(`flash-apart-${index}`, '', []);
      flash.article = { ...flash.article, headline, bodyless: true, nearDuplicate: null };
      return flash;
    });
    const result = await store.saveBatch(flashes.map((message) => ({ message, traceId: null })));
    expect(flashes.map((flash) => result.stories.get(flash.articleId)?.reason)).toEqual(['new', 'new']);
    const rows = await dataSource.query(`SELECT simhash, shingle_sketch FROM articles WHERE article_id = ANY($1)`, [flashes.map((flash) => flash.articleId)]);
    expect(rows).toEqual([{ simhash: null, shingle_sketch: [] }, { simhash: null, shingle_sketch: [] }]);
  });

  it('stores a story with a NUL byte (from a normalizer that left it), the NUL replaced so offsets hold', async () => {
    const body = 'Kim\u0000 Ha-na met Park Jin in Seoul.';
    const message = enriched('nul-1', body, [person('Park Jin', 'Park Jin', body.indexOf('Park Jin'))]);
    message.article = { ...message.article, headline: 'Talks\u0000 in Seoul' };
    await store.saveBatch([{ message, traceId: null }]);
    const [stored] = await dataSource.query(`SELECT headline, body FROM articles WHERE article_id = $1`, [message.articleId]);
    expect(stored).toEqual({ headline: 'Talks\ufffd in Seoul', body: 'Kim\ufffd Ha-na met Park Jin in Seoul.' });
    const [mention] = await dataSource.query(`SELECT start_offset, surface FROM mentions WHERE article_id = $1`, [message.articleId]);
    expect(stored.body.slice(mention.start_offset, mention.start_offset + 8)).toBe(mention.surface);
  });
});
