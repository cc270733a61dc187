import type { FeedItem } from '@wirestream/contracts';
import { parseAuthorField, type ParsedByline } from './byline';
import { markupToText, type MarkupContentType, type MarkupText } from './markup-text';
import { toIsoDate } from './published-date';
import { collapseWhitespace } from './text-cleanup';

/**
 * A feed item's content is HTML in most feeds and plain text in some; the fields the feed
 * carried alongside it (title, link, date, author) are the most direct metadata we have.
 */

/**
 * The item's content (a description, content:encoded, Atom content, NITF copy) as plain text plus
 * the captions of any pictures in it, read by markupToText: as HTML when it holds any markup or
 * the caller says it is HTML, else as text with its character references decoded.
 */
export function feedItemText(content: string, documentUri: string, contentType: MarkupContentType | null = null): MarkupText {
  return markupToText(content, { documentUri, contentType });
}

export interface FeedItemFacts {
  headline: string | null;
  canonicalUrl: string | null;
  publishedAt: string | null;
  byline: ParsedByline | null;
}

export function feedItemFacts(item: FeedItem | null): FeedItemFacts {
  return {
    headline: item?.title ? plainField(item.title) : null,
    canonicalUrl: item?.link?.trim() || null,
    publishedAt: toIsoDate(item?.publishedAt),
    byline: item?.author ? parseAuthorField(plainField(item.author) ?? '') : null,
  };
}

/**
 * A one-line field (title, author) as text: feeds put markup and references there too
 * (`<BR />`, `&amp;`, `<b>`), and RSS says nothing of which a title holds.
 */
function plainField(value: string): string | null {
  return collapseWhitespace(markupToText(value, { documentUri: '' }).text) || null;
}
