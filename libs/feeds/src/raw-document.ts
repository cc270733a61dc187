import {
  articleIdFor,
  ErrorCode,
  MAX_BODY_CHARS,
  sha256Hex,
  UnprocessableDocumentError,
  type DocumentFormat,
  type ArticleTable,
  type FeedItem,
  type RawDocumentV1,
  type WireStatus,
} from '@wirestream/contracts';
import type { SourceRef } from './source-ref';
import { versionedGuid } from './wire-status';

export interface RawDocumentParts {
  source: SourceRef;
  documentUri: string;
  fetchedAt: Date;
  format: DocumentFormat;
  charset: string;
  body: string;
  /** Identity of a feed item; file drops are identified by their content hash alone. */
  guid?: string | null;
  url?: string | null;
  feedItem: FeedItem | null;
  /** Tables read out of the copy, not in the body. */
  tables?: ArticleTable[];
  /** What the reader left out or doubted, in words. */
  processingNotes?: string[];
}

/** Assembles a raw document: content hash, article id, ISO fetch time, body size limit. */
export function buildRawDocument(parts: RawDocumentParts): RawDocumentV1 {
  if (parts.body.length > MAX_BODY_CHARS) {
    throw new UnprocessableDocumentError(
      `${parts.documentUri}: body is ${parts.body.length} characters, more than the ${MAX_BODY_CHARS} a raw document may carry`,
      { code: ErrorCode.OVERSIZE },
    );
  }
  if (Number.isNaN(parts.fetchedAt.getTime())) throw new TypeError('fetchedAt is not a valid date');
  const tables = parts.tables && parts.tables.length > 0 ? parts.tables : null;
  // Tables are copy too: a changed table is a changed document (the fetcher sends it again), and
  // two stories whose prose is alike but whose tables are not are two articles.
  const contentHash = tables ? sha256Hex(`${parts.body}\n\ntables\n${JSON.stringify(tables)}`) : sha256Hex(parts.body);
  // Headline-only items share an empty body: without a guid or URL, their headline tells them apart.
  const identityHash = parts.body || tables || !parts.feedItem?.title ? contentHash : sha256Hex(`headline-only\n${parts.feedItem.title}`);
  const { id, kind, uri } = parts.source;
  return {
    schemaVersion: 1,
    articleId: articleIdFor({ sourceId: id, guid: parts.guid, url: parts.url, contentHash: identityHash }),
    source: { id, kind, uri },
    documentUri: parts.documentUri,
    fetchedAt: parts.fetchedAt.toISOString(),
    format: parts.format,
    charset: parts.charset,
    body: parts.body,
    contentHash,
    feedItem: parts.feedItem,
    // Optional fields travel only when they say something.
    ...(tables ? { tables } : {}),
    ...(parts.processingNotes && parts.processingNotes.length > 0 ? { processingNotes: parts.processingNotes } : {}),
  };
}

export function assertWithinSize(bytes: Uint8Array, maxBytes: number, what: string): void {
  if (bytes.byteLength > maxBytes) {
    throw new UnprocessableDocumentError(`${what} is ${bytes.byteLength} bytes, larger than the ${maxBytes}-byte limit`, { code: ErrorCode.OVERSIZE });
  }
}

/** The fields every wire format (NITF, NewsML, ninjs, transmissions) reads a story into. */
export interface WireStoryFields {
  guid: string | null;
  headline: string | null;
  subheadline: string | null;
  byline: string | null;
  dateline: string | null;
  publishedAt: string | null;
  urgency: number | null;
  categories: string[];
  body: string;
  /** Embargo, publication status, version and agency id, where the format states them. */
  wire?: WireStatus | null;
  /** Tables of the copy (agate), kept out of the body. */
  tables?: ArticleTable[];
  /** What the reader left out or doubted (attachments, …). */
  processingNotes?: string[];
}

export interface WireStoryDocumentOptions {
  source: SourceRef;
  documentUri: string;
  fetchedAt: Date;
  charset: string;
  /** false: the article id comes from the content, not the guid (a transmission keyword names many stories). */
  idFromGuid?: boolean;
}

/** A story read from a wire format as a 'feed-item' raw document: its copy as the body, its fields as the feed item. */
export function wireStoryDocument(story: WireStoryFields, options: WireStoryDocumentOptions): RawDocumentV1 {
  return buildRawDocument({
    source: options.source,
    documentUri: options.documentUri,
    fetchedAt: options.fetchedAt,
    format: 'feed-item',
    charset: options.charset,
    body: story.body,
    tables: story.tables,
    processingNotes: story.processingNotes,
    // Each version (and a kill) of an item is an article of its own, linked by the agency id.
    guid: options.idFromGuid === false ? contentVersionGuid(story) : versionedGuid(story.guid, story.wire),
    feedItem: {
      title: story.headline,
      link: null,
      guid: story.guid,
      publishedAt: story.publishedAt,
      author: story.byline,
      categories: story.categories,
      dateline: story.dateline,
      urgency: story.urgency,
      ...(story.subheadline ? { subheadline: story.subheadline } : {}),
      ...(story.wire ? { wire: story.wire } : {}),
    },
  });
}

/**
 * Without a guid to name it, a story is named by its content; a later version (a write-thru that
 * changed only its headline) or a kill can share the body of what it replaces, so theirs is named
 * by the content with the version and status. A first, usable version keeps the content's id.
 */
function contentVersionGuid(story: WireStoryFields): string | null {
  const wire = story.wire;
  if (!wire || (!wire.version && wire.pubStatus === 'usable')) return null;
  return versionedGuid(`sha256:${sha256Hex(story.body || `headline-only\n${story.headline ?? ''}`)}`, wire);
}

/** Where the story at `index` of a file of `count` is: the file itself when alone, else `#<fragment>` in it. */
export function storyUri(documentUri: string, count: number, fragment: string): string {
  return count > 1 ? `${documentUri}#${fragment}` : documentUri;
}
