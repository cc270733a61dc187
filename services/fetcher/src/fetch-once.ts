import 'reflect-metadata';
import { Logger, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { FETCHER_CONFIG, type FetcherConfig } from './fetcher.config';
import { FetcherModule } from './fetcher.module';
import { FileDropPoller } from './file-drop.poller';
import { SourceDeclarationSchema, type FileDropSource, type UrlSource } from './source-registry';
import { UrlSourcePoller } from './url-source.poller';

/**
 * `npm run cli -- fetch <url|path>`: the fetcher service's own pollers, run once on one source in
 * this process, onto the same topic (news.raw.v1) and, with FETCHER_STATE_DATABASE_URL set, against
 * the same durable state, so what the service emitted is not emitted again (and the reverse).
 *
 *   node services/fetcher/dist/fetch-once.js <url|file|directory> [--source ID] [--allow RANGE,…] [--follow-pages] [--feed]
 *
 * A URL is fetched as a document source (a feed, NITF, NewsML-G2, wire text or a page, told apart by
 * content), or with --feed as a feed source (asked for as a feed, read as one); a directory has
 * every file read now, a file just itself, as the file-drop source does.
 * Exit code 0 when it was read (emitted, unchanged or not modified), 1 when refused or failed, 2 for usage.
 */
export const FETCH_ONCE_USAGE = 'fetch <url|file|directory> [--source ID] [--allow loopback,private,…] [--follow-pages] [--feed]';

export interface FetchOnceArgs {
  target: string;
  sourceId: string | null;
  allowAddressRanges: string[];
  followArticlePages: boolean;
  /** The URL is a feed: asked for with the feed Accept header and parsed as a feed. */
  feed: boolean;
}

/** Reads the command line with node:util's parser; a usage error throws (main exits 2). */
export function parseFetchOnceArgs(argv: string[]): FetchOnceArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { source: { type: 'string' }, allow: { type: 'string' }, 'follow-pages': { type: 'boolean' }, feed: { type: 'boolean' } },
    allowPositionals: true,
  });
  if (positionals.length === 0) throw new Error('no URL or path given');
  if (positionals.length > 1) throw new Error(`one source at a time (got ${positionals.join(' and ')})`);
  if (values.source === '') throw new Error('--source needs an id');
  return {
    target: positionals[0],
    sourceId: values.source ?? null,
    allowAddressRanges: (values.allow ?? '').split(',').map((range) => range.trim()).filter(Boolean),
    followArticlePages: values['follow-pages'] === true,
    feed: values.feed === true,
  };
}

export async function runFetchOnce(args: FetchOnceArgs): Promise<number> {
  // Only the one source given here: none of the service's configured ones.
  const app: INestApplicationContext = await NestFactory.createApplicationContext(FetcherModule.withoutConfiguredSources(), { logger: ['log', 'warn', 'error'] });
  const logger = new Logger('fetch');
  try {
    if (/^https?:\/\//i.test(args.target)) {
      const source = SourceDeclarationSchema.parse({
        id: args.sourceId ?? new URL(args.target).host.replace(/:/g, '_'),
        kind: args.feed ? 'feed' : 'document',
        url: args.target,
        followArticlePages: args.followArticlePages,
        allowAddressRanges: args.allowAddressRanges,
      }) as UrlSource;
      const outcome = await app.get(UrlSourcePoller).pollOnce(source);
      logger.log(`${source.url} (source ${source.id}): ${outcome}`);
      return ['emitted', 'unchanged', 'not_modified'].includes(outcome) ? 0 : 1;
    }
    const absolute = path.resolve(args.target);
    const isDirectory = statSync(absolute).isDirectory();
    const source = SourceDeclarationSchema.parse({
      id: args.sourceId ?? app.get<FetcherConfig>(FETCHER_CONFIG).FETCHER_DROP_SOURCE_ID,
      kind: 'file-drop',
      path: isDirectory ? absolute : path.dirname(absolute),
    }) as FileDropSource;
    const emitted = await app.get(FileDropPoller).ingestOnce(source, isDirectory ? undefined : path.basename(absolute));
    logger.log(`${absolute} (source ${source.id}): ${emitted} document(s) emitted`);
    return 0;
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  let args: FetchOnceArgs;
  try {
    args = parseFetchOnceArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`error: ${(error as Error).message}\nusage: ${FETCH_ONCE_USAGE}`);
    process.exit(2);
  }
  runFetchOnce(args).then(
    (code) => process.exit(code),
    (error: Error) => {
      console.error(`fetch failed: ${error.message}`);
      process.exit(1);
    },
  );
}
