import { ApiKeyStore } from '@wirestream/db';
import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { waitForArticles } from '@wirestream/harness';
import { startTestPipeline, type TestPipeline } from './test-pipeline';

/**
 * Sports agate through the whole pipeline: an invented ANPA-1312 transmission of standings and an
 * invented NITF story with a results table, dropped into a running pipeline, come back from
 * `GET /articles/:id` with their tables as rows of cells — not in the body, and not read for
 * entities.
 */
const ANPA_STANDINGS = [
  '\x16\x16\x01s0420\x1f-----',
  'r s\x13\x11 BC-HKY--CoastalStandings     01-05 0180',
  '\x02^BC-HKY--Coastal Standings,0180<',
  '^Coastal League standings<',
  '^By The Associated Press=',
  "\t   PORT ALLEN (AP) _ Coach Anders Berglund said on Sunday that Harbor City would rest three players before the derby. The standings after Sunday night's games:",
  '^Northern Division<',
  '\t   Team              W    L   Pts',
  '\t   Harbor City      23   13    46',
  '\t   Oster Bay        19   17    38',
  '^Leading scorers<',
  '\x08Marta Lindqvist;Harbor City;31;goals',
  '\x08Ingrid Solberg;Oster Bay;27;goals',
  '',
  '\t   \x03AP-WF-01-05-26 2310GMT<',
  '\f',
  '\x04',
].join('\r\n');

const NITF_RESULTS =
  '<?xml version="1.0" encoding="utf-8"?><nitf><head><docdata><doc-id id-string="tern-results-2026-01-05"/></docdata></head><body>' +
  '<body.head><hedline><hl1>Tern Island win the cup final</hl1></hedline></body.head><body.content>' +
  '<p>TERN ISLAND (Wire) - Tern Island won the cup final on Sunday, and their captain Sofia Halvorsen lifted the trophy in front of a full stadium.</p>' +
  '<table><caption>Cup results</caption><tr><th>Home</th><th>Away</th><th>Score</th></tr><tr><td>Tern Island</td><td>Port Allen</td><td>3-1</td></tr><tr><td>Oster Bay</td><td>Harbor City</td><td>0-0</td></tr></table>' +
  '</body.content></body></nitf>';

interface ArticleDetail {
  headline: string | null;
  body: string;
  tables: Array<{ caption: string | null; rows: string[][] }>;
  mentions: Array<{ start: number; end: number; surface: string; role: string | null }>;
  entities: Array<{ canonicalName: string }>;
}

describe('agate tables through the pipeline', () => {
  let test: TestPipeline;
  let api: string;
  let apiKey: string;
  const files = new Map([
    ['standings.tst', ANPA_STANDINGS],
    ['results.xml', NITF_RESULTS],
  ]);
  const staging = mkdtempSync(path.join(tmpdir(), 'wirestream-agate-'));

  beforeAll(async () => {
    test = await startTestPipeline('agate-tables', {}, { withApi: true });
    api = test.pipeline.apiUrl!;
    apiKey = (await new ApiKeyStore(test.db).create('agate-tables')).token;
    for (const [name, text] of files) writeFileSync(path.join(staging, name), text, 'latin1');
  }, 180_000);

  afterAll(async () => {
    await test?.stop();
  }, 60_000);

  async function stored(name: string): Promise<ArticleDetail> {
    const [articleId] = await test.expectedIds(path.join(staging, name));
    const since = new Date(0);
    // Written aside and renamed in, so the fetcher never reads half a file.
    writeFileSync(path.join(test.dropDir, `.${name}`), files.get(name)!, 'latin1');
    renameSync(path.join(test.dropDir, `.${name}`), path.join(test.dropDir, name));
    expect(await waitForArticles(test.db, [articleId], since, 60_000)).toEqual([]);
    const response = await fetch(`${api}/articles/${articleId}`, { headers: { authorization: `Bearer ${apiKey}` } });
    expect(response.status).toBe(200);
    return (await response.json()) as ArticleDetail;
  }

  /**
   * The extractor read the body alone: every mention is in it (but the dateline's place, whose
   * offsets are into the dateline), none of a name only the table holds.
   */
  function expectEntitiesFromBodyOnly(article: ArticleDetail, tableOnlyNames: string[]): void {
    const bodyMentions = article.mentions.filter((mention) => mention.role !== 'dateline');
    expect(bodyMentions.length).toBeGreaterThan(0);
    for (const mention of bodyMentions) expect(article.body.slice(mention.start, mention.end)).toBe(mention.surface);
    for (const name of tableOnlyNames) {
      expect(article.entities.map((entity) => entity.canonicalName).join('|')).not.toContain(name);
    }
  }

  it('returns ANPA agate as tables of rows, captioned, with only the prose in the body', async () => {
    const article = await stored('standings.tst');
    expect(article.headline).toBe('Coastal League standings');
    expect(article.tables).toEqual([
      { caption: 'Northern Division', rows: [['Team', 'W', 'L', 'Pts'], ['Harbor City', '23', '13', '46'], ['Oster Bay', '19', '17', '38']] },
      { caption: 'Leading scorers', rows: [['Marta Lindqvist', 'Harbor City', '31', 'goals'], ['Ingrid Solberg', 'Oster Bay', '27', 'goals']] },
    ]);
    expect(article.body).toMatch(/^Coach Anders Berglund said on Sunday that Harbor City would rest/);
    expect(article.body).not.toMatch(/Lindqvist|Solberg|\b46\b|Northern Division/);
    // People are found in the prose, and not in the table.
    expect(article.entities.map((entity) => entity.canonicalName).join('|')).toContain('Berglund');
    expectEntitiesFromBodyOnly(article, ['Lindqvist', 'Solberg']);
  });

  it('returns an NITF table as rows with its caption, out of the body', async () => {
    const article = await stored('results.xml');
    expect(article.headline).toBe('Tern Island win the cup final');
    expect(article.tables).toEqual([
      {
        caption: 'Cup results',
        rows: [
          ['Home', 'Away', 'Score'],
          ['Tern Island', 'Port Allen', '3-1'],
          ['Oster Bay', 'Harbor City', '0-0'],
        ],
      },
    ]);
    expect(article.body).not.toMatch(/3-1|0-0|Cup results/);
    expectEntitiesFromBodyOnly(article, []);
  });
});
