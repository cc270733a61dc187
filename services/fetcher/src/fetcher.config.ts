import { type ServiceConfiguration } from '@wirestream/config';
import { MAX_MESSAGE_BYTES } from '@wirestream/contracts';
import { KafkaEnvSchema } from '@wirestream/kafka';
import { AdminEnvSchema, ServiceEnvSchema } from '@wirestream/service-kit';
import { TelemetryEnvSchema } from '@wirestream/telemetry';
import { hostname } from 'node:os';
import { z } from 'zod';
import { ADDRESS_RANGES, parseFeedUrlEntry } from './source-registry';

const commaList = z
  .string()
  .default('')
  .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean));

export const FetcherEnvSchema = z.object({
  FETCHER_DROP_DIR: z
    .string()
    .default('')
    .describe('Directory watched for dropped story files: a `file-drop` source with id FETCHER_DROP_SOURCE_ID, as if declared in the sources file. Empty: none.'),
  FETCHER_DROP_SOURCE_ID: z.string().min(1).default('file-drop').describe('Source id recorded on documents read from the drop directory.'),
  FETCHER_DROP_POLL_MS: z.coerce.number().int().min(100).default(1000).describe('How often the drop directory is scanned, in ms.'),
  FETCHER_DROP_ARCHIVE: z.enum(['true', 'false']).default('false').transform((value) => value === 'true').describe(
    'Move each dropped file, once its documents are sent, into `.done/` in the drop directory (`.refused/` when it was dead-lettered). Scans then stat only new files: a directory keeping every file ever dropped costs a stat per file per scan.',
  ),
  FETCHER_DROP_BATCH_FILES: z.coerce.number().int().min(1).max(10_000).default(100).describe('Dropped files read and produced together in one send to the broker.'),
  FETCHER_FEED_URLS: commaList
    .superRefine((entries, context) => {
      for (const entry of entries) {
        const parsed = parseFeedUrlEntry(entry);
        if ('problem' in parsed) context.addIssue({ code: 'custom', message: parsed.problem });
      }
    })
    .describe('RSS/Atom feed URLs to poll, comma-separated; `id=url` names the source, else the host does. Each is a `feed` source, as if declared in the sources file.'),
  FETCHER_FEED_POLL_MS: z.coerce.number().int().min(1000).default(300_000).describe('How often each feed is polled, in ms.'),
  FETCHER_HTTP_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000).describe('Timeout of one feed request, in ms.'),
  FETCHER_SOURCES_FILE: z
    .string()
    .default('')
    .describe('YAML or JSON file declaring the sources (see docs/sources.md); FETCHER_FEED_URLS and FETCHER_DROP_DIR add theirs to it. Empty: only those.'),
  FETCHER_FEED_ALLOW_ADDRESS_RANGES: commaList
    .pipe(z.array(z.enum(ADDRESS_RANGES, { error: `must be a comma-separated list of ${ADDRESS_RANGES.join(', ')}` })))
    .describe(
      'Address ranges besides public ones that FETCHER_FEED_URLS feeds may reach, e.g. `loopback` for a local server; also the most a source added through the admin routes may ask for.',
    ),
  FETCHER_DROP_ROOTS: commaList.describe(
    'Directories under which a file-drop source added through the admin routes may watch, comma-separated (symlinks followed); empty: such sources are refused.',
  ),
  FETCHER_HTTP_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3).describe('Attempts per poll for network errors, timeouts, 5xx and 429.'),
  FETCHER_HTTP_MAX_PER_HOST: z.coerce.number().int().min(1).default(2).describe('Most requests in flight to one host at once.'),
  FETCHER_HTTP_MIN_INTERVAL_PER_HOST_MS: z.coerce.number().int().min(0).default(1000).describe('Least time between request starts to one host, in ms.'),
  FETCHER_STATE_DATABASE_URL: z.string().default('').describe('Postgres URL of the fetcher state (emitted items, validators, leases); empty keeps it in memory (one instance, forgotten at restart).'),
  FETCHER_STATE_MIGRATE_ON_START: z.enum(['true', 'false']).default('true').transform((value) => value === 'true').describe('Run the fetcher-state migrations at start.'),
  FETCHER_INSTANCE_ID: z.string().default('').describe('Name of this instance in source leases; empty: host name and process id.'),
  FETCHER_TROUBLED_SOURCE_MAX_WAIT_MS: z.coerce.number().int().min(1000).default(3_600_000).describe(
    'Longest wait between polls of a URL source that keeps being refused or failing; the wait doubles from the poll interval at each such poll in a row.',
  ),
  FETCHER_LEASE_TTL_MS: z.coerce.number().int().min(1000).default(120_000).describe('How long a source lease lasts unless renewed; another instance takes the source over after it lapses.'),
  FETCHER_MAX_DOCUMENT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(MAX_MESSAGE_BYTES)
    .default(5 * 1024 * 1024)
    .describe('Largest file or feed accepted, in bytes, at most a Kafka message (MAX_MESSAGE_BYTES); larger ones are dead-lettered.'),
}).meta({ title: 'Fetcher' });

export type FetcherConfig = z.infer<typeof FetcherEnvSchema>;
export const FETCHER_CONFIG = Symbol('FETCHER_CONFIG');

/** Every variable the fetcher reads, by schema: docs/configuration.md is generated from these. */
export const SERVICE_CONFIGURATION: ServiceConfiguration = {
  service: 'fetcher',
  defaultHttpPort: 3101,
  schemas: [FetcherEnvSchema, KafkaEnvSchema, ServiceEnvSchema, AdminEnvSchema, TelemetryEnvSchema],
};

/** This instance's name in source leases: FETCHER_INSTANCE_ID, else host name and process id. */
export function fetcherInstanceId(config: FetcherConfig): string {
  return config.FETCHER_INSTANCE_ID || `${hostname()}-${process.pid}`;
}
