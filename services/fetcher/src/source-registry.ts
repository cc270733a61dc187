import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MAX_MESSAGE_BYTES } from '@wirestream/contracts';
import { DEFAULT_FETCH_LIMITS } from '@wirestream/http-client';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { FetcherConfig } from './fetcher.config';

/** Special address ranges a URL source may be allowed to reach besides public addresses (libs/http-client's guard). */
export const ADDRESS_RANGES = ['loopback', 'private', 'linkLocal', 'uniqueLocal', 'carrierGradeNat'] as const;

const SOURCE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

const LimitsSchema = z
  .object({
    maxBytes: z.number().int().min(1024).max(MAX_MESSAGE_BYTES).describe('Largest body accepted, after decompression, in bytes; at most a Kafka message.'),
    timeoutMs: z.number().int().min(100).describe('Time for one whole request, redirects and body included, in ms.'),
    maxRedirects: z.number().int().min(0).max(20).describe('Redirects followed before the fetch is refused.'),
    maxAttempts: z.number().int().min(1).max(10).describe('Attempts per poll for network errors, timeouts, 5xx and 429.'),
    maxRetryAfterMs: z.number().int().min(0).describe('Longest Retry-After waited out within a poll; longer ones postpone the next poll.'),
  })
  .partial()
  .strict();

export const UrlSourceSchema = z
  .object({
    id: z.string().regex(SOURCE_ID, 'letters, digits, ".", "_" and "-", starting with a letter or digit'),
    /** feed: RSS 2.0, Atom 1.0, RSS 1.0/RDF. document: NITF, NewsML-G2, wire text or an HTML page, recognised by content. */
    kind: z.enum(['feed', 'document']),
    url: z.url({ protocol: /^https?$/ }),
    pollIntervalMs: z.number().int().min(1000).optional(),
    /** For feeds: fetch each new item's link and emit the HTML page, the feed item's fields attached. */
    followArticlePages: z.boolean().default(false),
    /** Address ranges besides public ones this source may reach (e.g. ["loopback"] for a local test server). */
    allowAddressRanges: z.array(z.enum(ADDRESS_RANGES)).default([]),
    limits: LimitsSchema.default({}),
  })
  .strict();

const FileDropSourceSchema = z
  .object({
    id: z.string().regex(SOURCE_ID),
    kind: z.literal('file-drop'),
    path: z.string().min(1),
    pollIntervalMs: z.number().int().min(100).optional(),
    limits: LimitsSchema.pick({ maxBytes: true }).default({}),
  })
  .strict();

export const SourceDeclarationSchema = z.discriminatedUnion('kind', [UrlSourceSchema, FileDropSourceSchema]);
export const SourcesFileSchema = z.object({ sources: z.array(SourceDeclarationSchema) }).strict();

export type SourceDeclaration = z.infer<typeof SourceDeclarationSchema>;
export type UrlSource = z.infer<typeof UrlSourceSchema>;
export type FileDropSource = z.infer<typeof FileDropSourceSchema>;

/** Reads and validates a sources file (YAML, or JSON, which is YAML too); relative drop paths are relative to the file. */
export function loadSourcesFile(filePath: string): SourceDeclaration[] {
  let document: unknown;
  try {
    document = parseYaml(readFileSync(filePath, 'utf8'));
  } catch (error) {
    throw new Error(`sources file ${filePath}: ${(error as Error).message}`, { cause: error });
  }
  const parsed = SourcesFileSchema.safeParse(document);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  sources${issue.path.length ? '.' : ''}${issue.path.slice(1).join('.')}: ${issue.message}`);
    throw new Error(`sources file ${filePath} is invalid:\n${problems.join('\n')}`);
  }
  return parsed.data.sources.map((source) =>
    source.kind === 'file-drop' ? { ...source, path: path.resolve(path.dirname(filePath), source.path) } : source,
  );
}

const FEED_URL_EXAMPLE = 'e.g. kuna=https://www.kuna.net.kw/rss or https://wire.example/latest.xml';

/**
 * One FETCHER_FEED_URLS entry: `id=url`, or a URL whose host (and port) names the source. A
 * problem names the entry and shows a good one.
 */
export function parseFeedUrlEntry(entry: string): { id: string; url: string } | { problem: string } {
  const separator = entry.indexOf('=');
  const hasId = separator > 0 && !entry.slice(0, separator).includes(':');
  const url = hasId ? entry.slice(separator + 1).trim() : entry;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { problem: `"${entry}" is not an http(s) URL: ${FEED_URL_EXAMPLE}` };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { problem: `"${entry}" is not an http(s) URL: ${FEED_URL_EXAMPLE}` };
  const id = hasId ? entry.slice(0, separator).trim() : parsed.port ? `${parsed.hostname}-${parsed.port}` : parsed.hostname;
  if (!SOURCE_ID.test(id)) return { problem: `"${entry}": the source id "${id}" must be letters, digits, ".", "_" and "-", starting with a letter or digit: ${FEED_URL_EXAMPLE}` };
  return { id, url };
}

/** The configured sources, by id; more can be added while the service runs (not written back to the file). */
export class SourceRegistry {
  private readonly sources = new Map<string, SourceDeclaration>();
  private readonly listeners: Array<(source: SourceDeclaration) => void> = [];

  constructor(declarations: SourceDeclaration[]) {
    for (const declaration of declarations) this.add(declaration);
  }

  list(): SourceDeclaration[] {
    return [...this.sources.values()];
  }

  get(id: string): SourceDeclaration | undefined {
    return this.sources.get(id);
  }

  /**
   * Validates and adds a source; throws when it is invalid, its id is taken, or `admit` refuses it
   * (the operator's ceiling, for sources added at run time).
   */
  add(input: unknown, admit: (declaration: SourceDeclaration) => SourceDeclaration = (declaration) => declaration): SourceDeclaration {
    const declaration = admit(SourceDeclarationSchema.parse(input));
    if (this.sources.has(declaration.id)) throw new Error(`source id "${declaration.id}" is already in use`);
    this.sources.set(declaration.id, declaration);
    for (const listener of this.listeners) listener(declaration);
    return declaration;
  }

  onAdded(listener: (source: SourceDeclaration) => void): void {
    this.listeners.push(listener);
  }
}

/** A URL source's effective limits: its own, else the service's defaults. */
export function limitsFor(source: UrlSource, config: FetcherConfig) {
  return {
    ...DEFAULT_FETCH_LIMITS,
    maxBytes: config.FETCHER_MAX_DOCUMENT_BYTES,
    timeoutMs: config.FETCHER_HTTP_TIMEOUT_MS,
    maxAttempts: config.FETCHER_HTTP_MAX_ATTEMPTS,
    ...source.limits,
    allowAddressRanges: source.allowAddressRanges,
  };
}
