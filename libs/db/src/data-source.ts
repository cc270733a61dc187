import 'reflect-metadata';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { DEFAULT_DATABASE_POOL_SIZE } from './database.config';
import { InitialSchema1763888400000 } from './migrations/1763888400000-initial-schema';
import { SourcesStoriesQuotesSearch1763975000000 } from './migrations/1763975000000-sources-stories-quotes-search';
import { ArticleEntities1795400000000 } from './migrations/1795400000000-article-entities';
import { Lz4ArticleText1796200000000 } from './migrations/1796200000000-lz4-article-text';
import { ArticleEntitiesKeptByWriter1796300000000 } from './migrations/1796300000000-article-entities-kept-by-writer';
import { DropUnreadArticleIndexes1796400000000 } from './migrations/1796400000000-drop-unread-article-indexes';
import { SalientEntitiesAndQuotesKeptByWriter1796500000000 } from './migrations/1796500000000-salient-entities-and-quotes-kept-by-writer';
import { MentionsKeptWithArticle1796600000000 } from './migrations/1796600000000-mentions-kept-with-article';
import { ApiKeysAndReaderRole1796700000000 } from './migrations/1796700000000-api-keys-and-reader-role';
import { HeadlineOnlyArticles1796800000000 } from './migrations/1796800000000-headline-only-articles';
import { WireVersionsKillsEmbargoes1797300000000 } from './migrations/1797300000000-wire-versions-kills-embargoes';
import { DeadLetterReplays1796900000000 } from './migrations/1796900000000-dead-letter-replays';
import { SearchInArticleLanguages1797000000000 } from './migrations/1797000000000-search-in-article-languages';
import { ArticleTables1797400000000 } from './migrations/1797400000000-article-tables';
import { EntityArticleCounts1797500000000 } from './migrations/1797500000000-entity-article-counts';
import { SketchKeysByPeriod1797600000000 } from './migrations/1797600000000-sketch-keys-by-period';
import { MentionRowsSortedByDate1797700000000 } from './migrations/1797700000000-mention-rows-sorted-by-date';
import { SalientEntitiesByWeek1797800000000 } from './migrations/1797800000000-salient-entities-by-week';

export const MIGRATIONS = [InitialSchema1763888400000, SourcesStoriesQuotesSearch1763975000000, ArticleEntities1795400000000, Lz4ArticleText1796200000000, ArticleEntitiesKeptByWriter1796300000000, DropUnreadArticleIndexes1796400000000, SalientEntitiesAndQuotesKeptByWriter1796500000000, MentionsKeptWithArticle1796600000000, ApiKeysAndReaderRole1796700000000, HeadlineOnlyArticles1796800000000, DeadLetterReplays1796900000000, SearchInArticleLanguages1797000000000, WireVersionsKillsEmbargoes1797300000000, ArticleTables1797400000000, EntityArticleCounts1797500000000, SketchKeysByPeriod1797600000000, MentionRowsSortedByDate1797700000000, SalientEntitiesByWeek1797800000000];

/**
 * The one set of TypeORM options, used by the storage service, the API and the migration CLI alike,
 * from validated settings (database.config.ts). The schema changes only through migrations:
 * `synchronize` stays off.
 */
export function dataSourceOptions(databaseUrl: string, poolSize = DEFAULT_DATABASE_POOL_SIZE): DataSourceOptions {
  return {
    type: 'postgres',
    url: withSessionOptions(databaseUrl, SESSION_OPTIONS),
    // No entity classes: the migrations are the schema, and tables/ its typed view (ADR 0004).
    entities: [],
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    applicationName: 'wirestream',
    extra: { max: poolSize },
  };
}

export function createDataSource(databaseUrl: string, poolSize = DEFAULT_DATABASE_POOL_SIZE): DataSource {
  return new DataSource(dataSourceOptions(databaseUrl, poolSize));
}

/**
 * A DataSource whose sessions refuse to write (`default_transaction_read_only`), for the query
 * API while no read-only database user exists. The setting rides in the URL's `options`, next to
 * any the URL already has (a test's search_path).
 */
export function createReadOnlyDataSource(databaseUrl: string, poolSize = DEFAULT_DATABASE_POOL_SIZE): DataSource {
  return new DataSource({ ...dataSourceOptions(readOnlyUrl(databaseUrl), poolSize), applicationName: 'wirestream-api' } as DataSourceOptions);
}

export function readOnlyUrl(databaseUrl: string): string {
  return withSessionOptions(databaseUrl, '-c default_transaction_read_only=on');
}

/**
 * Settings of every session: no JIT compilation. Our statements are short, but the planner's cost
 * estimates for some (visibility subqueries, lookups of many keys) pass `jit_above_cost`, and
 * compiling them took seconds where running them takes milliseconds (entity search at 100,000
 * articles: 3–6 s with JIT, under 100 ms without).
 */
const SESSION_OPTIONS = '-c jit=off';

/** The URL with `settings` added to its `options` (after any it has, such as a test's search_path), once. */
export function withSessionOptions(databaseUrl: string, settings: string): string {
  const url = new URL(databaseUrl);
  const existing = url.searchParams.get('options');
  if (existing?.includes(settings)) return databaseUrl;
  url.searchParams.set('options', [existing, settings].filter(Boolean).join(' '));
  return url.toString();
}
