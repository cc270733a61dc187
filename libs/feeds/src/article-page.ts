import type { RawDocumentV1 } from '@wirestream/contracts';
import { decodeText } from './decode-text';
import { assertWithinSize, buildRawDocument } from './raw-document';
import { DEFAULT_MAX_DOCUMENT_BYTES } from './source-ref';

export interface ArticlePageOptions {
  /** Where the page was finally read from (after redirects). */
  pageUrl: string;
  contentType?: string | null;
  fetchedAt: Date;
  maxBytes?: number;
}

/**
 * The HTML article page behind a feed item, as the raw document that replaces the item: same
 * article id (the item's guid or link), the feed's fields kept in feedItem, the page as the body,
 * decoded by the HTTP charset, BOM or <meta>.
 */
export function articlePageDocument(item: RawDocumentV1, page: Uint8Array, options: ArticlePageOptions): RawDocumentV1 {
  assertWithinSize(page, options.maxBytes ?? DEFAULT_MAX_DOCUMENT_BYTES, options.pageUrl);
  const { text, charset } = decodeText(page, { contentType: options.contentType });
  return buildRawDocument({
    source: { id: item.source.id, kind: item.source.kind, uri: item.source.uri },
    documentUri: options.pageUrl,
    fetchedAt: options.fetchedAt,
    format: 'html',
    charset,
    body: text,
    guid: item.feedItem?.guid,
    url: item.feedItem?.link,
    feedItem: item.feedItem,
  });
}
