import { ApiKeyStore } from '@wirestream/db';
import { waitForArticles } from '@wirestream/harness';
import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestPipeline, type TestPipeline } from './test-pipeline';

/**
 * Wire semantics through the running pipeline, with invented files: a write-thru replaces the text
 * it follows and both versions are listed; a kill hides every version of its story, also when it
 * comes first; an embargoed story is invisible on every API route until its time, then appears
 * without a restart.
 */

/** How far ahead the embargo is set: room for the warm pipeline to store the story before it lifts. */
const EMBARGO_DELAY_MS = 15_000;

/** An invented ninjs item. */
function ninjs(fields: Record<string, unknown>): string {
  return JSON.stringify({ type: 'text', versioncreated: '2030-03-11T05:48:00Z', pubstatus: 'usable', ...fields });
}

/** An invented ANPA-1312 transmission, laid out as AP's are. */
function anpa(keyword: string, version: string | null, headline: string, paragraphs: string[]): string {
  const header = `r i\x13\x11 ${keyword}${version ? ` ${version}` : ''}     03-11 0120`;
  const text = [`^${keyword}${version ? `, ${version}` : ''},120<`, `^${headline}<`, ...paragraphs.map((paragraph) => `\t   ${paragraph}`)];
  return `\x16\x16\x01W1234\x1f-----\r\n${header}\r\n\x02${text.join('\r\n')}\r\n\t   \x03AP-WF-03-11-30 0548GMT<\r\n\f\r\n\x04`;
}

describe('wire semantics through the pipeline and the API', () => {
  let test: TestPipeline;
  let api: string;
  const tokens = { plain: '', desk: '' };
  const staging = mkdtempSync(path.join(tmpdir(), 'wirestream-wire-semantics-'));

  const get = async (route: string, key: keyof typeof tokens = 'plain') => {
    const response = await fetch(`${api}${route}`, { headers: { authorization: `Bearer ${tokens[key]}` } });
    return { status: response.status, body: (await response.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const listed = async (query: string, key: keyof typeof tokens = 'plain') =>
    ((await get(`/articles?q=${encodeURIComponent(query)}`, key)).body.items as Array<{ articleId: string }>).map((item) => item.articleId).sort();

  /** Drops a file (written aside, then moved in whole) and waits until its stories are stored; their article ids. */
  const drop = async (name: string, content: string, encoding: BufferEncoding = 'utf8'): Promise<string[]> => {
    const staged = path.join(staging, name);
    writeFileSync(staged, content, encoding);
    const ids = await test.expectedIds(staged);
    const since = new Date(Date.now() - 1000);
    renameSync(staged, path.join(test.dropDir, name));
    expect(await waitForArticles(test.db, ids, since, 60_000)).toEqual([]);
    return ids;
  };

  beforeAll(async () => {
    test = await startTestPipeline('wire-semantics', {}, { withApi: true });
    api = test.pipeline.apiUrl!;
    const keys = new ApiKeyStore(test.db);
    tokens.plain = (await keys.create('newsroom')).token;
    tokens.desk = (await keys.create('wire-desk', ['embargoed', 'killed'])).token;
  }, 180_000);

  afterAll(async () => {
    await test?.stop();
  }, 60_000);

  it('replaces a story by its write-thru, and lists both versions', async () => {
    const [original] = await drop('quarry.tst', anpa('BC-EU--Quarry-Flood', null, 'Flood closes Vendermoor quarry', ['VENDERMOOR (AP) _ Floodwater closed the Vendermoor quarry on Monday, its owners said.']), 'latin1');
    expect(await listed('Vendermoor')).toEqual([original]);
    const writeThru = ['VENDERMOOR (AP) _ Floodwater closed the Vendermoor quarry on Monday and cut the village road, its owners said.', 'Pumps were brought in overnight.'];
    const [second] = await drop('quarry-1.tst', anpa('BC-EU--Quarry-Flood', '1st Ld-Writethru', 'Flood closes Vendermoor quarry and road', writeThru), 'latin1');
    expect(await listed('Vendermoor')).toEqual([second]);
    expect((await get(`/articles/${second}`)).body.body).toContain('Pumps were brought in overnight.');
    const versions = await get(`/articles/${original}/versions`);
    expect(versions.body.currentArticleId).toBe(second);
    expect(versions.body.items.map((item: { articleId: string; version: number; versionLabel: string | null }) => [item.articleId, item.version, item.versionLabel])).toEqual([
      [original, 0, null],
      [second, 1, '1st Ld-Writethru'],
    ]);
  }, 150_000);

  it('hides a story and its earlier versions when a kill comes', async () => {
    const [first] = await drop('pier-1.json', ninjs({ uri: 'urn:e2e:pier', version: '1', headline: 'Ostrahamn pier reopens', body_text: 'The pier at Ostrahamn reopened to ferries on Tuesday, the harbour office said.' }));
    const [second] = await drop('pier-2.json', ninjs({ uri: 'urn:e2e:pier', version: '2', headline: 'Ostrahamn pier reopens to ferries', body_text: 'The pier at Ostrahamn reopened to ferries and freighters on Tuesday, the harbour office said.' }));
    expect(await listed('Ostrahamn')).toEqual([second]);
    const reason = 'Kill: the Ostrahamn pier did not reopen. Do not use.';
    await drop('pier-kill.json', ninjs({ uri: 'urn:e2e:pier', version: '3', pubstatus: 'canceled', headline: 'KILL Ostrahamn pier', ednote: reason, body_text: 'Please kill the story on the Ostrahamn pier.' }));
    expect(await listed('Ostrahamn')).toEqual([]);
    expect(await listed('Ostrahamn', 'desk')).toEqual([]);
    for (const id of [first, second]) expect((await get(`/articles/${id}`)).status).toBe(404);
    const asDesk = await get(`/articles/${second}`, 'desk');
    expect(asDesk.status).toBe(200);
    expect(asDesk.body.wire.kill).toMatchObject({ status: 'canceled', reason });
  }, 150_000);

  it('hides a story whose kill came first', async () => {
    const reason = 'Withdrawn: the Kellholm report was wrong.';
    await drop('mill-kill.json', ninjs({ uri: 'urn:e2e:mill', version: '2', pubstatus: 'canceled', headline: 'KILL Kellholm mill', ednote: reason, body_text: 'Please kill the story on the Kellholm mill fire.' }));
    const [story] = await drop('mill.json', ninjs({ uri: 'urn:e2e:mill', version: '1', headline: 'Fire at Kellholm mill', body_text: 'A fire broke out at the Kellholm mill on Wednesday, firefighters said.' }));
    expect(await listed('Kellholm')).toEqual([]);
    expect((await get(`/articles/${story}`)).status).toBe(404);
    expect((await get(`/articles/${story}`, 'desk')).body.wire.kill).toMatchObject({ status: 'canceled', reason });
  }, 150_000);

  it('keeps an embargoed story off every route until its time, then shows it without a restart', async () => {
    const embargoedUntil = new Date(Date.now() + EMBARGO_DELAY_MS);
    const body = 'Mayor Ilse Brandqvist of Torsvik announced the new Torsvik bridge on Thursday, the council said.';
    const [story] = await drop('bridge.json', ninjs({ uri: 'urn:e2e:bridge', version: '1', headline: 'Torsvik gets a bridge', body_text: body, embargoed: embargoedUntil.toISOString() }));
    if (Date.now() >= embargoedUntil.getTime() - 2000) throw new Error(`the story was stored too close to its embargo to test it: raise EMBARGO_DELAY_MS (${EMBARGO_DELAY_MS})`);

    const entities: Array<{ id: string; canonical_name: string }> = await test.db.query(
      `SELECT e.id, e.canonical_name FROM entities e JOIN article_mentions m ON m.entity_ids @> ARRAY[e.id] WHERE m.article_id = $1`,
      [story],
    );
    expect(entities.length).toBeGreaterThan(0);
    const [{ story_id: storyId }] = await test.db.query(`SELECT story_id FROM articles WHERE article_id = $1`, [story]);
    expect(await listed('Torsvik')).toEqual([]);
    expect((await get(`/articles/${story}`)).status).toBe(404);
    expect((await get(`/articles/${story}/versions`)).status).toBe(404);
    expect((await get(`/stories/${storyId}`)).status).toBe(404);
    for (const entity of entities) {
      expect((await get(`/entities/${entity.id}`)).status).toBe(404);
      expect((await get(`/entities?q=${encodeURIComponent(entity.canonical_name)}`)).body.items).toEqual([]);
    }
    expect(await listed('Torsvik', 'desk')).toEqual([story]);

    // The API decides when it reads: the story appears once its time passes.
    let seen: string[] = [];
    const deadline = Date.now() + EMBARGO_DELAY_MS + 30_000;
    while (seen.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      seen = await listed('Torsvik');
    }
    expect(seen).toEqual([story]);
    expect((await get(`/articles/${story}`)).status).toBe(200);
    expect((await get(`/stories/${storyId}`)).status).toBe(200);
    expect((await get(`/entities/${entities[0].id}`)).status).toBe(200);
  }, 150_000);
});
