import { z } from 'zod';

const commaList = z
  .string()
  .default('')
  .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean));

export const FetcherEnvSchema = z.object({
  FETCHER_DROP_DIR: z.string().default('').describe('Directory watched for dropped story files; empty disables the file-drop source.'),
  FETCHER_DROP_SOURCE_ID: z.string().min(1).default('file-drop').describe('Source id recorded on documents read from the drop directory.'),
  FETCHER_DROP_POLL_MS: z.coerce.number().int().min(100).default(1000).describe('How often the drop directory is scanned, in ms.'),
  FETCHER_FEED_URLS: commaList.describe('RSS/Atom feed URLs to poll, comma-separated; `id=url` names the source, else the host does.'),
  FETCHER_FEED_POLL_MS: z.coerce.number().int().min(1000).default(300_000).describe('How often each feed is polled, in ms.'),
  FETCHER_HTTP_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000).describe('Timeout of one feed request, in ms.'),
  FETCHER_MAX_DOCUMENT_BYTES: z.coerce.number().int().min(1024).default(5 * 1024 * 1024).describe('Largest file or feed accepted, in bytes; larger ones are dead-lettered.'),
});

export type FetcherConfig = z.infer<typeof FetcherEnvSchema>;
export const FETCHER_CONFIG = Symbol('FETCHER_CONFIG');

export interface FeedSource {
  id: string;
  url: string;
}

export function feedSources(config: FetcherConfig): FeedSource[] {
  return config.FETCHER_FEED_URLS.map((entry) => {
    const separator = entry.indexOf('=');
    const hasId = separator > 0 && !entry.slice(0, separator).includes(':');
    const url = hasId ? entry.slice(separator + 1) : entry;
    return { id: hasId ? entry.slice(0, separator) : new URL(url).host, url };
  });
}
