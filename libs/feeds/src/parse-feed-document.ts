import { ErrorCode, UnprocessableDocumentError, type RawDocumentV1 } from '@wirestream/contracts';
import { DetectError, MalformedError, ParseError, parseFeed, type AnyFeed } from 'feedsmith';
import { repairDoubleEncodedUtf8 } from './charset/mojibake';
import { decodeText, type DecodedText } from './decode-text';
import { decodeBase64Constructs } from './feed-shapes/atom03-base64';
import { wrapRootContentInChannel } from './feed-shapes/channelless-rss';
import { recoverXml, type RecoveredXml } from './feed-shapes/lenient-xml';
import { findReferenceProblem } from './feed-shapes/xml-references';
import { inlineXhtmlBodies } from './feed-shapes/xhtml-content';
import { atomFeedTitle, itemFromAtom, itemFromRdf, itemFromRss, plainTitle, type ExtractedFeedItem } from './feed-items';
import { assertWithinSize, buildRawDocument } from './raw-document';
import { DEFAULT_MAX_DOCUMENT_BYTES, type SourceRef } from './source-ref';
import { assertNoDtdDeclarations, findXmlStructureProblem, rootElementName } from './xml-markup';

/** The format each feed root element (by local name, lower case) is: RSS (<rss>), Atom (<feed>), RSS 1.0 (<rdf:RDF>). */
const FEED_ROOTS = new Map<string, FeedFormat>([
  ['rss', 'rss'],
  ['feed', 'atom'],
  ['rdf', 'rdf'],
]);

/** Namespaces that make an <rdf:RDF> document RSS 1.0 (or Netscape's RSS 0.90) rather than other RDF. */
const RSS_RDF_NAMESPACES = /https?:\/\/(?:purl\.org\/rss\/1\.0|(?:my|channel)\.netscape\.com\/rdf\/simple\/0\.9)/i;

export type FeedFormat = 'rss' | 'atom' | 'rdf';

export interface ParseFeedDocumentOptions {
  source: SourceRef;
  fetchedAt: Date;
  /** The HTTP Content-Type header, whose charset (if any) decides the decoding. */
  contentType?: string | null;
  /** The bytes already decoded, by a caller that classified them first: not decoded again. */
  decoded?: DecodedText;
  /** Larger documents are refused unread; default 5 MiB. */
  maxBytes?: number;
}

export interface ParsedFeedDocument {
  title: string | null;
  format: FeedFormat;
  /**
   * One 'feed-item' raw document per item, in feed order; none for a feed without items. Items
   * with no title, guid, link or body (nothing to identify or read them by) are skipped.
   */
  documents: RawDocumentV1[];
  /**
   * Set (true) only when the document was not well-formed XML and its items were read by lenient
   * recovery, as a browser-grade parser reads it; `problem` then says what was wrong with it.
   */
  recovered?: true;
  problem?: string;
}

interface FeedContent {
  title: string | null;
  format: FeedFormat;
  items: ExtractedFeedItem[];
}

/** feedsmith found the (structurally sound) text malformed; the reason is its parser's. */
class MalformedFeedText extends Error {}

/**
 * An RSS 2.0 (and 0.9x), Atom 1.0 or RSS 1.0/RDF document → one raw document per item.
 *
 * Refused with UnprocessableDocumentError, before any parsing: documents over `maxBytes`, and
 * any DTD internal subset or entity declaration (entity-expansion bombs, external entities). Then
 * documents that are not feeds (CDF, Microsoft's Channel Definition Format, by name) are refused
 * with the reason. Feed shapes the Universal Feed Parser reads are read too: items with no
 * <channel> around them, content only in an XHTML <body>, headline-only items, feeds without items
 * (no documents). XML that is not well-formed (mis-nested or unclosed elements, a stray '<', an
 * unterminated comment, HTML entities, bare ampersands, a missing end of the document) is read by
 * lenient recovery (feed-shapes/lenient-xml) and marked `recovered: true` with its problem. Of a
 * document cut off inside an item (a truncated download) the items before the cut are read and the
 * cut one is dropped; when there are none before it, the document is refused with its problem.
 */
export function parseFeedDocument(bytes: Uint8Array, options: ParseFeedDocumentOptions): ParsedFeedDocument {
  const { source, fetchedAt } = options;
  const what = `feed ${source.uri}`;
  assertWithinSize(bytes, options.maxBytes ?? DEFAULT_MAX_DOCUMENT_BYTES, what);
  const { text, charset } = options.decoded ?? decodeText(bytes, { contentType: options.contentType });

  assertNoDtdDeclarations(text, what);
  const root = rootElementName(text);
  if (!root) throw new UnprocessableDocumentError(`${what}: not an XML document, so not an RSS, Atom or RDF feed`, { code: ErrorCode.FORMAT_UNRECOGNIZED });
  const rootName = root.slice(root.indexOf(':') + 1).toLowerCase();
  if (rootName === 'channel') {
    throw new UnprocessableDocumentError(
      `${what}: CDF is not supported (root <${root}>: Microsoft's Channel Definition Format), only RSS, Atom and RDF feeds`,
      { code: ErrorCode.FORMAT_UNSUPPORTED },
    );
  }
  const rootFormat = FEED_ROOTS.get(rootName);
  if (!rootFormat) throw new UnprocessableDocumentError(`${what}: not an RSS, Atom or RDF feed (root <${root}>)`, { code: ErrorCode.FORMAT_UNRECOGNIZED });

  const baseUrl = /^https?:\/\//i.test(source.uri) ? source.uri : null;
  const toDocuments = (items: ExtractedFeedItem[]): RawDocumentV1[] =>
    items
      .filter((item) => item.title || item.link || item.guid || item.body)
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
  const read = (feedText: string): ParsedFeedDocument => {
    const { title, format, items } = readFeed(feedText, { what, root, rootFormat, baseUrl });
    return { title, format, documents: toDocuments(items.map(withMojibakeInReferencesRepaired)) };
  };

  const problem = findXmlStructureProblem(text) ?? findReferenceProblem(text);
  if (problem) return readRecovered(text, `malformed XML: ${problem}`, what, read);
  try {
    return read(text);
  } catch (error) {
    if (!(error instanceof MalformedFeedText)) throw error;
    return readRecovered(text, `feed parser refused the document: ${error.message}`, what, read);
  }
}

/**
 * The feed read from its leniently recovered text, marked `recovered` with the problem; the
 * refusal with the original reason when recovery cannot read it, or when all it read was cut off.
 */
function readRecovered(text: string, reason: string, what: string, read: (feedText: string) => ParsedFeedDocument): ParsedFeedDocument {
  let recovered: RecoveredXml | null = null;
  let result: ParsedFeedDocument | null = null;
  try {
    recovered = recoverXml(text);
    if (recovered) result = read(recovered.text);
  } catch {
    // Recovery is a second chance, not a second way to fail: the original reason stands.
  }
  const onlyItemCutOff = recovered?.droppedCutItem && result?.documents.length === 0;
  if (!recovered || !result || onlyItemCutOff) throw new UnprocessableDocumentError(`${what}: ${reason}`, { code: ErrorCode.XML_MALFORMED });
  const problem = recovered.droppedCutItem ? `${reason}; the item cut off there is dropped` : reason;
  return { ...result, recovered: true, problem };
}

/**
 * The item with double-encoded UTF-8 that character references carried (`&#226;&#128;&#166;` for
 * '…') repaired in its title and body, when the evidence is clear: decodeText repaired the
 * document's own characters, but references are only decoded by the feed parser.
 */
function withMojibakeInReferencesRepaired(item: ExtractedFeedItem): ExtractedFeedItem {
  const repaired = (text: string): string => repairDoubleEncodedUtf8(text)?.text ?? text;
  return { ...item, title: item.title === null ? null : repaired(item.title), body: repaired(item.body) };
}

interface ReadContext {
  what: string;
  root: string;
  rootFormat: FeedFormat;
  baseUrl: string | null;
}

/** The feed's title and items; a feed root with nothing of a feed's in it is a feed without items. */
function readFeed(text: string, context: ReadContext): FeedContent {
  const { what, root, rootFormat, baseUrl } = context;
  const prepared = rootFormat === 'atom' ? decodeBase64Constructs(text) : inlineXhtmlBodies(text);
  let parsed = parseFeedText(prepared);
  // <item>s right under <rss>, no <channel> (RSS 0.9x, hand-written 2.0): given the channel the parser wants.
  if (typeof parsed === 'string' && rootFormat === 'rss') {
    const wrapped = wrapRootContentInChannel(prepared, root);
    if (wrapped) parsed = parseFeedText(wrapped);
  }
  if (typeof parsed === 'string') {
    if (parsed === 'not-detected' && rootFormat !== 'rss') {
      throw new UnprocessableDocumentError(`${what}: not an RSS, Atom or RDF feed (root <${root}> holds neither the namespace nor the elements of one)`, { code: ErrorCode.FORMAT_UNRECOGNIZED });
    }
    if (rootFormat === 'rdf' && !RSS_RDF_NAMESPACES.test(text)) {
      throw new UnprocessableDocumentError(`${what}: an RDF document without channel or items in the RSS 1.0 namespace, so not an RSS 1.0 feed`, { code: ErrorCode.FORMAT_UNRECOGNIZED });
    }
    return { title: null, format: rootFormat, items: [] };
  }
  return extractItems(parsed, baseUrl, what);
}

/**
 * feedsmith's reading of the text, or why it has none: 'not-detected' (no feed format recognized)
 * or 'no-feed' (recognized, but no channel/feed content: a feed without items). Throws
 * MalformedFeedText when its XML parser (or anything else in it) fails.
 */
function parseFeedText(text: string): AnyFeed<string> | 'not-detected' | 'no-feed' {
  try {
    return parseFeed(text);
  } catch (error) {
    if (error instanceof DetectError) return 'not-detected';
    // The format was recognized, but there is no channel (RSS), feed (Atom) or channel/item (RDF) content.
    if (error instanceof ParseError) return 'no-feed';
    const reason = error instanceof MalformedError && error.cause instanceof Error ? error.cause.message : String((error as Error)?.message ?? error);
    throw new MalformedFeedText(reason);
  }
}

function extractItems(parsed: AnyFeed<string>, baseUrl: string | null, what: string): FeedContent {
  switch (parsed.format) {
    case 'rss':
      return { title: plainTitle(parsed.feed.title), format: 'rss', items: (parsed.feed.items ?? []).map((item) => itemFromRss(item, baseUrl)) };
    case 'atom': {
      const feed = parsed.feed;
      return { title: atomFeedTitle(feed.title), format: 'atom', items: (feed.entries ?? []).map((entry) => itemFromAtom(entry, feed, baseUrl)) };
    }
    case 'rdf':
      return { title: plainTitle(parsed.feed.title), format: 'rdf', items: (parsed.feed.items ?? []).map((item) => itemFromRdf(item, baseUrl)) };
    default:
      throw new UnprocessableDocumentError(`${what}: ${parsed.format} feeds are not supported, only RSS, Atom and RDF`, { code: ErrorCode.FORMAT_UNSUPPORTED });
  }
}
