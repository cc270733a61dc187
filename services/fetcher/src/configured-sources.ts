import path from 'node:path';
import type { FetcherConfig } from './fetcher.config';
import { loadSourcesFile, parseFeedUrlEntry, UrlSourceSchema, type SourceDeclaration } from './source-registry';

/**
 * The sources the operator configured, as the registry starts with them: those of the sources file
 * (FETCHER_SOURCES_FILE), then those the older variables declare, translated here and nowhere else
 * into the declarations the file would hold:
 *
 * - each FETCHER_FEED_URLS entry: a `feed` source (`id=url`, else named by host and port), allowed
 *   the FETCHER_FEED_ALLOW_ADDRESS_RANGES;
 * - FETCHER_DROP_DIR: a `file-drop` source with id FETCHER_DROP_SOURCE_ID, scanned every
 *   FETCHER_DROP_POLL_MS.
 *
 * The variables stay for a quick start with one feed or one directory; the file says everything else.
 */
export function configuredSources(config: FetcherConfig): SourceDeclaration[] {
  const fromFile = config.FETCHER_SOURCES_FILE ? loadSourcesFile(config.FETCHER_SOURCES_FILE) : [];
  const feeds = config.FETCHER_FEED_URLS.map((entry): SourceDeclaration => {
    const parsed = parseFeedUrlEntry(entry);
    if ('problem' in parsed) throw new Error(`FETCHER_FEED_URLS: ${parsed.problem}`); // FetcherEnvSchema refused it already
    return UrlSourceSchema.parse({ ...parsed, kind: 'feed', allowAddressRanges: config.FETCHER_FEED_ALLOW_ADDRESS_RANGES });
  });
  const drops: SourceDeclaration[] = config.FETCHER_DROP_DIR
    ? [{ id: config.FETCHER_DROP_SOURCE_ID, kind: 'file-drop', path: path.resolve(config.FETCHER_DROP_DIR), pollIntervalMs: config.FETCHER_DROP_POLL_MS, limits: {} }]
    : [];
  return [...fromFile, ...feeds, ...drops];
}
