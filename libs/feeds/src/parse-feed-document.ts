import { UnprocessableDocumentError, type RawDocumentV1 } from '@wirestream/contracts';
import { DetectError, MalformedError, parseFeed, type AnyFeed } from 'feedsmith';
import { decodeText } from './decode-text';
import { atomFeedTitle, itemFromAtom, itemFromRdf, itemFromRss, plainTitle, type ExtractedFeedItem } from './feed-items';
import { assertWithinSize, buildRawDocument } from './raw-document';
import { DEFAULT_MAX_DOCUMENT_BYTES, type SourceRef } from './source-ref';
import { assertNoDtdDeclarations, findXmlStructureProblem, rootElementName } from './xml-markup';

/** Local names of the root elements of RSS (<rss>), Atom (<feed>) and RSS 1.0 (<rdf:RDF>). */
const FEED_ROOTS = new Set(['rss', 'feed', 'rdf']);

export type FeedFormat = 'rss' | 'atom' | 'rdf';

export interface ParseFeedDocumentOptions {
  source: SourceRef;
  fetchedAt: Date;
  /** The HTTP Content-Type header, whose charset (if any) decides the decoding. */
  contentType?: string | null;
  /** Larger documents are refused unread; default 5 MiB. */
  maxBytes?: number;
}

export interface ParsedFeedDocument {
  title: string | null;
  format: FeedFormat;
  /**
   * One 'feed-item' raw document per item, in feed order. Items with no guid, no link and no body
   * (nothing to identify or read them by) are skipped.
   */
  documents: RawDocumentV1[];
}

/**
 * An RSS 2.0 (and 0.9x), Atom 1.0 or RSS 1.0/RDF document → one raw document per item.
 *
 * Refused with UnprocessableDocumentError, before any parsing: documents over `maxBytes`, and
 * any DTD internal subset or entity declaration (entity-expansion bombs, external entities).
 * Then malformed XML (elements left open or mis-nested — e.g. a truncated download) and documents
 * that are not feeds are refused with the reason.
 */
export function parseFeedDocument(bytes: Uint8Array, options: ParseFeedDocumentOptions): ParsedFeedDocument {
  const { source, fetchedAt } = options;
  const what = `feed ${source.uri}`;
  assertWithinSize(bytes, options.maxBytes ?? DEFAULT_MAX_DOCUMENT_BYTES, what);
  const { text, charset } = decodeText(bytes, { contentType: options.contentType });

  assertNoDtdDeclarations(text, what);
  const root = rootElementName(text);
  if (!root) throw new UnprocessableDocumentError(`${what}: not an XML document, so not an RSS, Atom or RDF feed`);
  if (!FEED_ROOTS.has(root.slice(root.indexOf(':') + 1).toLowerCase())) {
    throw new UnprocessableDocumentError(`${what}: not an RSS, Atom or RDF feed (root <${root}>)`);
  }
  const problem = findXmlStructureProblem(text);
  if (problem) throw new UnprocessableDocumentError(`${what}: malformed XML: ${problem}`);

  const parsed = parseFeedText(text, what, root);
  const baseUrl = /^https?:\/\//i.test(source.uri) ? source.uri : null;
  const { title, items } = extractItems(parsed, baseUrl, what);

  const documents = items
    .filter((item) => item.link || item.guid || item.body)
    .map((item, index) =>
      buildRawDocument({
        source,
        documentUri: item.link ?? `${source.uri}#${item.guid ? encodeURIComponent(item.guid) : `item-${index + 1}`}`,
        fetchedAt,
        format: 'feed-item',
        charset,
        body: item.body,
        guid: item.guid,
        url: item.link,
        feedItem: {
          title: item.title,
          link: item.link,
          guid: item.guid,
          publishedAt: item.publishedAt,
          author: item.author,
          categories: item.categories,
        },
      }),
    );
  return { title, format: parsed.format as FeedFormat, documents };
}

function parseFeedText(text: string, what: string, root: string): AnyFeed<string> {
  try {
    return parseFeed(text);
  } catch (error) {
    if (error instanceof DetectError) {
      throw new UnprocessableDocumentError(`${what}: not an RSS, Atom or RDF feed (root <${root}>)`);
    }
    const reason = error instanceof MalformedError && error.cause instanceof Error ? error.cause.message : String((error as Error)?.message ?? error);
    throw new UnprocessableDocumentError(`${what}: feed parser refused the document: ${reason}`);
  }
}

function extractItems(parsed: AnyFeed<string>, baseUrl: string | null, what: string): { title: string | null; items: ExtractedFeedItem[] } {
  switch (parsed.format) {
    case 'rss':
      return { title: plainTitle(parsed.feed.title), items: (parsed.feed.items ?? []).map((item) => itemFromRss(item, baseUrl)) };
    case 'atom': {
      const feed = parsed.feed;
      return { title: atomFeedTitle(feed.title), items: (feed.entries ?? []).map((entry) => itemFromAtom(entry, feed, baseUrl)) };
    }
    case 'rdf':
      return { title: plainTitle(parsed.feed.title), items: (parsed.feed.items ?? []).map((item) => itemFromRdf(item, baseUrl)) };
    default:
      throw new UnprocessableDocumentError(`${what}: ${parsed.format} feeds are not supported, only RSS, Atom and RDF`);
  }
}
