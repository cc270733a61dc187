import type { FeedItem } from '@wirestream/contracts';
import { parseAuthorField, type ParsedByline } from './byline';
import { readHtmlFragment } from './html-page';
import { toIsoDate } from './published-date';
import { collapseWhitespace } from './text-cleanup';

/**
 * A feed item's content is HTML in most feeds and plain text in some; the fields the feed
 * carried alongside it (title, link, date, author) are the most direct metadata we have.
 */

/** A known HTML tag near the start is enough to say the content is markup. */
const HTML_TAG = /<\/?(?:p|div|br|span|a|img|strong|em|b|i|u|ul|ol|li|h[1-6]|blockquote|figure|figcaption|table|section|article|iframe)\b[^<>]{0,500}>/i;

export function looksLikeHtml(content: string): boolean {
  return HTML_TAG.test(content.slice(0, 20_000));
}

/** The item's content as plain text plus the captions of any pictures in it. */
export function feedItemText(content: string, documentUri: string): { text: string; captions: string[] } {
  return looksLikeHtml(content) ? readHtmlFragment(content, documentUri) : { text: content, captions: [] };
}

export interface FeedItemFacts {
  headline: string | null;
  canonicalUrl: string | null;
  publishedAt: string | null;
  byline: ParsedByline | null;
}

export function feedItemFacts(item: FeedItem | null): FeedItemFacts {
  return {
    headline: item?.title ? collapseWhitespace(item.title) || null : null,
    canonicalUrl: item?.link?.trim() || null,
    publishedAt: toIsoDate(item?.publishedAt),
    byline: item?.author ? parseAuthorField(item.author) : null,
  };
}
