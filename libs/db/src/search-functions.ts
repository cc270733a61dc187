/**
 * Full-text search in the languages wirestream ingests. Each article's words are indexed with the
 * Postgres text-search configuration of its language (stemming and stop words: Portuguese,
 * Russian, Greek, German, …; `simple` for languages Postgres has none for), and runs of Chinese,
 * Japanese and Korean characters also as overlapping character pairs (bigrams): those scripts do
 * not separate words by spaces (Chinese, Japanese) or glue endings to them (Korean "서울시는"), so a
 * word is found as the pairs it is made of. Bigrams need no dictionary and no extension (pg_trgm
 * indexes three-character grams and cannot find a two-character word by index); they are what
 * CJK search engines fall back on (Lucene's CJKBigramFilter).
 */

/** ISO 639-1 code → the Postgres configuration for it; those a server lacks are left out at migration time. */
export const SEARCH_CONFIGURATIONS: Record<string, string> = {
  ar: 'arabic', ca: 'catalan', da: 'danish', de: 'german', el: 'greek', en: 'english', es: 'spanish', eu: 'basque',
  fi: 'finnish', fr: 'french', ga: 'irish', hi: 'hindi', hu: 'hungarian', hy: 'armenian', id: 'indonesian', it: 'italian',
  lt: 'lithuanian', nb: 'norwegian', ne: 'nepali', nl: 'dutch', nn: 'norwegian', no: 'norwegian', pt: 'portuguese',
  ro: 'romanian', ru: 'russian', sr: 'serbian', sv: 'swedish', ta: 'tamil', tr: 'turkish', yi: 'yiddish',
};

/** Han, kana and Hangul: the scripts searched by character pairs. */
const CJK_RUN = '[\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uac00-\\ud7af]{2,}';

/**
 * The functions the search vector and the API's query use, for the configurations `available` on
 * the server. Every function is immutable (a generated column requires it); schema-qualified
 * configuration names keep them so whatever the search_path.
 */
export function searchFunctionsSql(available: string[]): string[] {
  const mapped = Object.entries(SEARCH_CONFIGURATIONS).filter(([, configuration]) => available.includes(configuration));
  const cases = mapped.map(([code, configuration]) => `WHEN '${code}' THEN 'pg_catalog.${configuration}'::regconfig`).join(' ');
  const queries = [...new Set(mapped.map(([, configuration]) => configuration))]
    .map((configuration) => `websearch_to_tsquery('pg_catalog.${configuration}'::regconfig, q)`)
    .join(' || ');
  return [
    `CREATE OR REPLACE FUNCTION wirestream_search_config(language text) RETURNS regconfig
       LANGUAGE sql IMMUTABLE PARALLEL SAFE
       AS $$ SELECT CASE language ${cases} ELSE 'pg_catalog.simple'::regconfig END $$`,
    `CREATE OR REPLACE FUNCTION wirestream_cjk_bigrams(content text) RETURNS text
       LANGUAGE sql IMMUTABLE PARALLEL SAFE
       AS $$ SELECT coalesce(string_agg(substr(run.text, i, 2), ' '), '')
               FROM regexp_matches(content, '${CJK_RUN}', 'g') AS found(parts),
                    LATERAL (SELECT found.parts[1] AS text) AS run,
                    generate_series(1, length(run.text) - 1) AS i $$`,
    // A query matches an article in any language: its words in every configuration, or, for CJK
    // text, all of its character pairs.
    `CREATE OR REPLACE FUNCTION wirestream_search_query(q text) RETURNS tsquery
       LANGUAGE sql IMMUTABLE PARALLEL SAFE
       AS $$ SELECT websearch_to_tsquery('pg_catalog.simple'::regconfig, q)${queries ? ` || ${queries}` : ''}
                    || plainto_tsquery('pg_catalog.simple'::regconfig, wirestream_cjk_bigrams(q)) $$`,
  ];
}

export const DROP_SEARCH_FUNCTIONS_SQL = [
  'DROP FUNCTION IF EXISTS wirestream_search_query(text)',
  'DROP FUNCTION IF EXISTS wirestream_cjk_bigrams(text)',
  'DROP FUNCTION IF EXISTS wirestream_search_config(text)',
];

/** The articles' search vector: headline (A) and body (B) in the article's language, CJK character pairs of both (C). */
export const ARTICLE_SEARCH_VECTOR =
  "setweight(to_tsvector(wirestream_search_config(language), coalesce(headline, '')), 'A') || " +
  "setweight(to_tsvector(wirestream_search_config(language), body), 'B') || " +
  "setweight(to_tsvector('simple'::regconfig, wirestream_cjk_bigrams(coalesce(headline, '') || ' ' || body)), 'C')";

/** The vector before articles were searched in their own language, for the benchmark and the migration's down. */
export const ENGLISH_ONLY_SEARCH_VECTOR =
  "setweight(to_tsvector('english'::regconfig, coalesce(headline, '')), 'A') || setweight(to_tsvector('english'::regconfig, body), 'B')";
