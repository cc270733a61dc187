import { ArticleStore, createDataSource, listed } from '@wirestream/db';
import { commandLine, reportBenchResult } from '@wirestream/harness';
import { generateArticles } from './generate-articles';
import { benchDatabaseUrl } from './test-database';

const USAGE = `usage: npm run bench:wire-visibility -- [--json] [--save] [--articles N] [--runs N]

  What the query API's wire visibility (current version, released, not killed: ADR 14) costs its
  article queries. N generated articles (default 20000) are stored; a third become versions of
  items (pairs: version 0 and 1), 1% of items are killed and 2% of articles embargoed a year
  ahead. The API's three article queries (latest page, full-text search, by entity) run with and
  without the condition, --runs times each, interleaved (default 50); the median is reported. The last line is
  one JSON object. Works in a schema of its own in the test database, dropped afterwards.
  Database: WIRESTREAM_TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/wirestream_test).`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  const args = commandLine({ args: process.argv.slice(2), options: { articles: { type: 'string' }, runs: { type: 'string' }, json: { type: 'boolean' }, save: { type: 'boolean' } } }, USAGE);
  const json = args.values.json === true;
  const log = (line: string) => {
    if (!json) console.log(line);
  };
  const articleCount = args.integer('articles', 20_000);
  const runs = args.integer('runs', 50);
  const baseUrl = await benchDatabaseUrl(log);
  const schema = `wire_visibility_${process.pid}_${Date.now()}`;
  const admin = createDataSource(baseUrl);
  await admin.initialize();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const dataSource = createDataSource(`${baseUrl}?options=${encodeURIComponent(`-c search_path=${schema}`)}`);
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    const store = new ArticleStore(dataSource);
    const messages = generateArticles({ articles: articleCount }).map((generated) => generated.message);
    for (let index = 0; index < messages.length; index += 500) await store.saveBatch(messages.slice(index, index + 500).map((message) => ({ message, traceId: null })));
    // Every third article is a version of an item, two versions to an item, in publication order.
    await dataSource.query(`
      WITH ranked AS (SELECT article_id, row_number() OVER (ORDER BY sort_at, article_id) AS n FROM articles)
      UPDATE articles a SET agency_item_id = 'item-' || ((r.n / 3) / 2), wire_version = (r.n / 3) % 2
        FROM ranked r WHERE r.article_id = a.article_id AND r.n % 3 = 0`);
    await dataSource.query(`
      INSERT INTO wire_kills (source_id, agency_item_id, pub_status, killed_at, kill_article_id)
      SELECT DISTINCT ON (agency_item_id) source_id, agency_item_id, 'canceled', now(), article_id FROM articles
       WHERE agency_item_id IS NOT NULL AND hashtext(agency_item_id) % 100 = 0`);
    await dataSource.query(`UPDATE articles SET embargoed_until = now() + interval '1 year' WHERE hashtext(article_id) % 50 = 0`);
    await dataSource.query(`ANALYZE`);
    const [{ entity }] = await dataSource.query(`SELECT entity_ids[1] AS entity FROM article_mentions GROUP BY entity_ids[1] ORDER BY count(*) DESC LIMIT 1`);
    const [{ word }] = await dataSource.query(`SELECT split_part(headline, ' ', 2) AS word FROM articles WHERE headline IS NOT NULL ORDER BY article_id LIMIT 1`);
    log(`${articleCount} articles stored; entity ${entity}, search word "${word}"`);

    const queries: Array<{ name: string; where: string; parameters: unknown[] }> = [
      { name: 'latest page', where: 'TRUE', parameters: [] },
      { name: 'full-text search', where: `a.search_vector @@ wirestream_search_query($2)`, parameters: [word] },
      { name: 'by entity', where: `EXISTS (SELECT 1 FROM article_mentions m WHERE m.article_id = a.article_id AND m.entity_ids @> ARRAY[$2::bigint])`, parameters: [entity] },
    ];
    const results: Array<{ query: string; withoutMs: number; withMs: number }> = [];
    for (const query of queries) {
      const once = async (condition: string): Promise<number> => {
        const started = process.hrtime.bigint();
        await dataSource.query(
          `SELECT a.article_id, a.headline, left(a.body, 200) FROM articles a WHERE ${query.where} AND ${condition} ORDER BY a.sort_at DESC, a.article_id DESC LIMIT 21`,
          [false, ...query.parameters],
        );
        return Number(process.hrtime.bigint() - started) / 1e6;
      };
      // Interleaved, so both see the same cache and the same neighbours on the machine.
      const without: number[] = [];
      const withCondition: number[] = [];
      for (let run = 0; run < runs; run++) {
        without.push(await once('$1::boolean IS NOT NULL'));
        withCondition.push(await once(listed('a', '$1')));
      }
      const withoutMs = median(without);
      const withMs = median(withCondition);
      results.push({ query: query.name, withoutMs: Number(withoutMs.toFixed(2)), withMs: Number(withMs.toFixed(2)) });
      log(`${query.name.padEnd(18)} ${withoutMs.toFixed(2)} ms without the condition, ${withMs.toFixed(2)} ms with it (median of ${runs})`);
    }
    reportBenchResult('bench:wire-visibility', { articles: articleCount, runs, queries: results }, { save: args.values.save === true, argv: process.argv.slice(2) });
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
