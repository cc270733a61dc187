import {
  sha256Hex,
  UnprocessableDocumentError,
  type NormalizedArticle,
  type PublishedAtSource,
  type RawDocumentV1,
} from '@wirestream/contracts';
import { readableAgencyName } from './agencies';
import type { ParsedByline } from './byline';
import { findCredits } from './credits';
import { feedItemFacts, feedItemText } from './feed-item';
import { readHtmlPage, type PageFacts } from './html-page';
import { detectLanguage } from './language';
import { resolveDatelineDate } from './published-date';
import { uniqueTexts } from './text-cleanup';
import { NORMALIZER_VERSION } from './version';
import { readWireText, type WireCopy } from './wire-text';
import { countBodyWords } from './word-count';
import { nearDuplicateSignature } from './near-duplicate';

export { NORMALIZER_VERSION };

export interface NormalizeOptions {
  /**
   * The date a dateline's day-and-month ("Jan 6") is read against: the most recent such day not
   * after it. Without it, a dateline alone never yields a publication date.
   */
  referenceDate?: Date;
}

/**
 * Turns one raw document into a normalized article: clean body text and the metadata the
 * document carries. Fields the document does not carry are null or empty, never guessed.
 *
 * @throws UnprocessableDocumentError when no body text is left after cleaning, or the markup is
 *   too large or deeply nested to parse.
 */
export function normalizeDocument(doc: RawDocumentV1, options: NormalizeOptions = {}): NormalizedArticle {
  const feed = feedItemFacts(doc.feedItem);
  const { copy, page, extraCaptions } = readDocument(doc, feed.headline);

  const body = copy.paragraphs.join('\n\n').trim();
  if (!body) {
    throw new UnprocessableDocumentError(`${doc.documentUri}: no body text left after normalization (format ${doc.format})`);
  }

  const byline = pickByline(doc.format, page?.byline ?? null, copy.byline, feed.byline);
  const captions = uniqueTexts([...extraCaptions, ...copy.captions]);
  const published = pickPublishedAt([
    [feed.publishedAt, 'feed'],
    [page?.publishedAt ?? null, 'html-meta'],
    [copy.syndication?.date ?? null, 'syndication-header'],
    [copy.dateline?.dateText ? resolveDatelineDate(copy.dateline.dateText, options.referenceDate) : null, 'dateline'],
  ]);

  return {
    articleId: doc.articleId,
    sourceId: doc.source.id,
    documentUri: doc.documentUri,
    canonicalUrl: page?.canonicalUrl ?? feed.canonicalUrl,
    fetchedAt: doc.fetchedAt,
    headline: copy.headline,
    subheadline: page?.subheadline ?? null,
    dateline: copy.dateline,
    byline: byline?.byline ?? null,
    publishedAt: published.value,
    publishedAtSource: published.source,
    publisher: page?.publisher ?? copy.syndication?.publisher ?? null,
    originatingAgency:
      copy.syndication?.originatingAgency ?? (copy.dateline?.agency ? readableAgencyName(copy.dateline.agency) : null),
    credits: findCredits({ body, captions, bylineAffiliations: byline?.affiliations ?? [] }),
    section: page?.section ?? copy.section,
    language: detectLanguage(body),
    body,
    captions,
    wordCount: countBodyWords(body),
    contentHash: sha256Hex(body),
    nearDuplicate: nearDuplicateSignature(body),
    normalizerVersion: NORMALIZER_VERSION,
  };
}

interface DocumentReading {
  copy: WireCopy;
  page: PageFacts | null;
  /** Captions found in markup, before the text was read. */
  extraCaptions: string[];
}

function readDocument(doc: RawDocumentV1, feedHeadline: string | null): DocumentReading {
  switch (doc.format) {
    case 'wire-text':
      return {
        copy: readWireText(doc.body, { knownHeadline: feedHeadline, detectHeadline: !feedHeadline }),
        page: null,
        extraCaptions: [],
      };
    case 'html': {
      const page = readHtmlPage(doc.body, doc.documentUri);
      const knownHeadline = page.headline ?? feedHeadline;
      const copy = readWireText(page.bodyText, {
        knownHeadline,
        knownSubheadline: page.subheadline,
        detectHeadline: !knownHeadline,
      });
      return { copy, page, extraCaptions: page.captions };
    }
    case 'feed-item': {
      const content = feedItemText(doc.body, doc.documentUri);
      return {
        copy: readWireText(content.text, { knownHeadline: feedHeadline, detectHeadline: !feedHeadline }),
        page: null,
        extraCaptions: content.captions,
      };
    }
    default: {
      const format: never = doc.format;
      throw new UnprocessableDocumentError(`${doc.documentUri}: unsupported document format ${String(format)}`);
    }
  }
}

/** A feed's author field is the most direct for feed items; markup beats text on pages. */
function pickByline(
  format: RawDocumentV1['format'],
  fromPage: ParsedByline | null,
  fromText: ParsedByline | null,
  fromFeed: ParsedByline | null,
): ParsedByline | null {
  if (format === 'feed-item') return fromFeed ?? fromText;
  return fromPage ?? fromText ?? fromFeed;
}

/** The first date available, most authoritative source first. */
function pickPublishedAt(candidates: ReadonlyArray<readonly [string | null, PublishedAtSource]>): {
  value: string | null;
  source: PublishedAtSource | null;
} {
  for (const [value, source] of candidates) if (value) return { value, source };
  return { value: null, source: null };
}

