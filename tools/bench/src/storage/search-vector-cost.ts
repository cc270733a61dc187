import { ARTICLE_SEARCH_VECTOR, ENGLISH_ONLY_SEARCH_VECTOR, searchFunctionsSql } from '@wirestream/db';
import { Client } from 'pg';
import { commandLine, reportBenchResult } from '@wirestream/harness';
import { backendCpuNs, isLocalPostgres } from './statement-cpu';
import { benchDatabaseUrl } from './test-database';
import { wireMessages } from './wire-messages';

const USAGE = `usage: npm run bench:search-vector -- [--json] [--save] [--articles N] [--rounds N]

  What the articles' generated search vector costs Postgres per stored article, and what cheaper
  vectors would: the headlines and bodies of N of bench:pipeline's stories (default 5000) are
  inserted in one statement into tables that differ only in their search vector, and the server
  backend's CPU time is read from /proc (local server only). Each variant runs --rounds times
  (default 2); the least is reported. The last line is one JSON object. Works in a schema of its
  own in the test database, dropped afterwards.
  Database: WIRESTREAM_TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/wirestream_test).`;

/** The schema's vector, then the choices a product decision could make instead. */
const VARIANTS: Array<{ name: string; vector: string | null; gin: boolean }> = [
  { name: 'no search vector', vector: null, gin: false },
  { name: 'current (article language + CJK pairs), GIN index', vector: ARTICLE_SEARCH_VECTOR, gin: true },
  { name: 'current (article language + CJK pairs), no index', vector: ARTICLE_SEARCH_VECTOR, gin: false },
  { name: 'English for every article (before), GIN', vector: ENGLISH_ONLY_SEARCH_VECTOR, gin: true },
  { name: "'simple' configuration (no stemming), GIN", vector: rewritten(ARTICLE_SEARCH_VECTOR, /wirestream_search_config\(language\)/g, "'simple'::regconfig"), gin: true },
  { name: 'headline + first 1,000 body characters, GIN', vector: rewritten(ARTICLE_SEARCH_VECTOR, /, body\)/, ', left(body, 1000))'), gin: true },
];

/** `expression` with `pattern` replaced; throws when it no longer matches, lest a variant silently measure the current vector. */
function rewritten(expression: string, pattern: RegExp, replacement: string): string {
  const result = expression.replace(pattern, replacement);
  if (result === expression) throw new Error(`the search vector no longer contains ${pattern}: update this benchmark's variants`);
  return result;
}

interface Options {
  json: boolean;
  save: boolean;
  articles: number;
  rounds: number;
}

function options(argv: string[]): Options {
  const args = commandLine({ args: argv, options: { articles: { type: 'string' }, rounds: { type: 'string' }, json: { type: 'boolean' }, save: { type: 'boolean' } } }, USAGE);
  return { json: args.values.json === true, save: args.values.save === true, articles: args.integer('articles', 5000), rounds: args.integer('rounds', 2) };
}

async function main(): Promise<void> {
  const { json, save, articles: articleCount, rounds } = options(process.argv.slice(2));
  const log = (line: string) => {
    if (!json) console.log(line);
  };
  const client = new Client({ connectionString: await benchDatabaseUrl(log) });
  await client.connect();
  const schema = `search_vector_cost_${process.pid}_${Date.now()}`;
  try {
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const pid = Number(rows[0].pid);
    if (!isLocalPostgres(pid)) throw new Error('the database server is not on this machine: its backend CPU time cannot be read');
    const articles = (await wireMessages(articleCount)).map((message) => message.article);
    const meanBodyChars = articles.reduce((sum, article) => sum + article.body.length, 0) / articles.length;
    log(`${articles.length} articles, ${meanBodyChars.toFixed(0)} body characters on average`);
    await client.query(`CREATE SCHEMA ${schema}`);
    // The search functions the migrations create, in this schema: the vectors below call them.
    await client.query(`SET search_path TO ${schema}`);
    const configurations = (await client.query(`SELECT cfgname FROM pg_ts_config`)).rows.map((row: { cfgname: string }) => row.cfgname);
    for (const statement of searchFunctionsSql(configurations)) await client.query(statement);
    await client.query(`CREATE TABLE ${schema}.source (headline text, body text NOT NULL, language text)`);
    await client.query(`INSERT INTO ${schema}.source SELECT * FROM unnest($1::text[], $2::text[], $3::text[])`, [
      articles.map((article) => article.headline),
      articles.map((article) => article.body),
      articles.map((article) => article.language),
    ]);

    const results: Array<{ name: string; backendCpuMsPerArticle: number }> = [];
    for (const variant of VARIANTS) {
      let least = Infinity;
      for (let round = 0; round < rounds; round++) {
        const vector = variant.vector ? `, search_vector tsvector GENERATED ALWAYS AS (${variant.vector}) STORED` : '';
        await client.query(`DROP TABLE IF EXISTS ${schema}.articles`);
        await client.query(`CREATE TABLE ${schema}.articles (id serial PRIMARY KEY, headline text, body text NOT NULL, language text${vector})`);
        if (variant.gin) await client.query(`CREATE INDEX ON ${schema}.articles USING gin (search_vector)`);
        const before = backendCpuNs(pid);
        await client.query(`INSERT INTO ${schema}.articles (headline, body, language) SELECT headline, body, language FROM ${schema}.source`);
        // A GIN index defers entries to its pending list; vacuum merges them, so that cost counts
        // too. Every variant is vacuumed, so the tables' own vacuum work cancels out.
        await client.query(`VACUUM ${schema}.articles`);
        least = Math.min(least, (backendCpuNs(pid) - before) / 1e6 / articles.length);
      }
      results.push({ name: variant.name, backendCpuMsPerArticle: Number(least.toFixed(3)) });
      log(`${variant.name.padEnd(48)} ${least.toFixed(3)} ms of Postgres CPU per article`);
    }
    reportBenchResult('bench:search-vector', { articles: articles.length, meanBodyChars: Math.round(meanBodyChars), variants: results }, { save, argv: process.argv.slice(2) });
  } finally {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
