import { articleIdFor, enrichedArticleOf, normalizedArticleOf, type EnrichedArticleV3, type WireStatus } from '@wirestream/contracts';
import type { DataSource } from 'typeorm';
import { ArticleStore } from './article-store';
import { migratedTestSchema, type MigratedTestSchema } from './migrated-test-schema.spec-helper';


function version(agencyItemId: string, wire: Partial<WireStatus>, body: string): EnrichedArticleV3 {
  const full: WireStatus = { agencyItemId, version: null, versionLabel: null, pubStatus: 'usable', statusNote: null, embargoedUntil: null, correction: false, ...wire };
  const articleId = articleIdFor({ sourceId: 'agency', guid: `${agencyItemId}#${full.version}#${full.pubStatus}` });
  const article = normalizedArticleOf({ body, articleId, sourceId: 'agency', headline: body.split('.')[0], publishedAt: '2030-01-06T10:00:00Z', publishedAtSource: 'feed', normalizerVersion: 'test-1', wire: full });
  return enrichedArticleOf({ articleId, extractorVersion: 'test-1', entities: [], article });
}

describe('storing wire versions, kills and embargoes', () => {
  let schema: MigratedTestSchema;
  let dataSource: DataSource;
  let store: ArticleStore;
  const save = (...messages: EnrichedArticleV3[]) => store.saveBatch(messages.map((message) => ({ message, traceId: null })));
  const kills = async () =>
    (await dataSource.query(`SELECT agency_item_id, pub_status, kill_version, reason, kill_article_id FROM wire_kills ORDER BY agency_item_id`)) as Array<Record<string, unknown>>;

  beforeAll(async () => {
    schema = await migratedTestSchema('wire_kills');
    dataSource = schema.dataSource;
    store = new ArticleStore(dataSource);
  });

  afterAll(() => schema.drop());

  it('keeps each version as a row with its wire status, and a plain article as usable with none', async () => {
    const first = version('urn:dam', { version: 1, embargoedUntil: '2030-01-07T00:00:00Z' }, 'The dam opened its gates on Monday.');
    const second = version('urn:dam', { version: 2, versionLabel: '1st Ld-Writethru', correction: true }, 'The dam opened its gates on Tuesday.');
    const plain = enrichedArticleOf({ articleId: articleIdFor({ sourceId: 'agency', guid: 'plain' }), extractorVersion: 'test-1', entities: [], article: normalizedArticleOf({ body: 'A plain story.', articleId: articleIdFor({ sourceId: 'agency', guid: 'plain' }), sourceId: 'agency' }) });
    await save(first, second, plain);
    const rows = await dataSource.query(
      `SELECT article_id, agency_item_id, wire_version, version_label, pub_status, embargoed_until, correction FROM articles ORDER BY wire_version NULLS FIRST`,
    );
    expect(rows).toEqual([
      { article_id: plain.articleId, agency_item_id: null, wire_version: null, version_label: null, pub_status: 'usable', embargoed_until: null, correction: false },
      { article_id: first.articleId, agency_item_id: 'urn:dam', wire_version: 1, version_label: null, pub_status: 'usable', embargoed_until: new Date('2030-01-07T00:00:00Z'), correction: false },
      { article_id: second.articleId, agency_item_id: 'urn:dam', wire_version: 2, version_label: '1st Ld-Writethru', pub_status: 'usable', embargoed_until: null, correction: true },
    ]);
    expect(await kills()).toEqual([]);
  });

  it('records a kill by the agency id it names, before its story arrives, and leaves it as it first came on redelivery', async () => {
    const kill = version('urn:quay', { version: 3, pubStatus: 'canceled', statusNote: 'Kill: wrong quay.' }, 'Kill the quay story.');
    await save(kill);
    await save(kill);
    await save(version('urn:quay', { version: 2 }, 'The quay reopened.'));
    const later = version('urn:quay', { version: 4, pubStatus: 'canceled', statusNote: 'Second kill.' }, 'Kill the quay story again.');
    await save(later);
    expect(await kills()).toEqual([{ agency_item_id: 'urn:quay', pub_status: 'canceled', kill_version: 3, reason: 'Kill: wrong quay.', kill_article_id: kill.articleId }]);
  });

  it('widens a withdrawal by a later one, and makes it a kill when a kill comes', async () => {
    await save(version('urn:pier', { version: 1, pubStatus: 'withheld', statusNote: 'Held.' }, 'Hold the pier story.'));
    await save(version('urn:pier', { version: 2, pubStatus: 'withheld', statusNote: 'Still held.' }, 'Still hold the pier story.'));
    expect((await kills()).find((row) => row.agency_item_id === 'urn:pier')).toMatchObject({ pub_status: 'withheld', kill_version: 2, reason: 'Held.' });
    const kill = version('urn:pier', { version: 3, pubStatus: 'canceled', statusNote: 'Killed.' }, 'Kill the pier story.');
    await save(kill);
    expect((await kills()).find((row) => row.agency_item_id === 'urn:pier')).toMatchObject({ pub_status: 'canceled', kill_version: 3, reason: 'Killed.', kill_article_id: kill.articleId });
  });
});
