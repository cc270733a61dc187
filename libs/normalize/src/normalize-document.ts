import {
  ErrorCode,
  sha256Hex,
  UnprocessableDocumentError,
  type NormalizedArticle,
  type ArticleTable,
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
import { publisherFromIdentity } from './site-identity';
import { uniqueTexts } from './text-cleanup';
import { withoutControlCharacters } from './control-characters';
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
 * @throws UnprocessableDocumentError when neither a headline nor body text is left after cleaning
 *   (a headline alone makes a `bodyless` article), or the markup is too large or deeply nested to parse.
 */
export function normalizeDocument(received: RawDocumentV1, options: NormalizeOptions = {}): NormalizedArticle {
  const { doc, notes } = withoutUnwantedCharacters(received);
  const feed = feedItemFacts(doc.feedItem);
  const { copy, page, extraCaptions, tables: markupTables } = readDocument(doc, feed.headline);
  // The reader's tables (agate, NITF) and those of the markup: kept as rows, not in the body.
  const tables = [...(doc.tables ?? []), ...markupTables];

  const body = copy.paragraphs.join('\n\n').trim();
  // A headline alone is a story (a FLASH, a BULLETIN, a feed item with a title and a link); with
  // neither headline nor text there is nothing to keep. A web page read on its own is not a wire
  // item: with no story text its <title> is a gallery's or an index's, not a headline.
  // A table alone (results, standings) is copy too: the article is not headline-only.
  const bodyless = !body && tables.length === 0;
  const headlineOnlyIsAStory = doc.format !== 'html' || doc.feedItem !== null;
  if (bodyless && (!copy.headline || !headlineOnlyIsAStory)) {
    throw new UnprocessableDocumentError(`${doc.documentUri}: no headline and no body text left after normalization (format ${doc.format})`, { code: ErrorCode.BODY_EMPTY });
  }
  if (bodyless) notes.push('no body text: stored as a headline-only item');

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
    subheadline: page?.subheadline ?? (doc.feedItem?.subheadline ? withoutControlCharacters(doc.feedItem.subheadline).text : null),
    dateline: copy.dateline,
    byline: byline?.byline ?? null,
    publishedAt: published.value,
    publishedAtSource: published.source,
    publisher: page?.publisher ?? copy.syndication?.publisher ?? textPublisher(doc, byline),
    originatingAgency:
      copy.syndication?.originatingAgency ?? (copy.dateline?.agency ? readableAgencyName(copy.dateline.agency) : null),
    credits: findCredits({ body, captions, bylineAffiliations: byline?.affiliations ?? [] }),
    section: page?.section ?? copy.section,
    language: detectLanguage(body || (copy.headline ?? '')),
    body,
    captions,
    wordCount: countBodyWords(body),
    contentHash: sha256Hex(body),
    // Headline-only items (and tables alone) share an empty body: a signature of it would make them one another's copies.
    ...(body ? { nearDuplicate: nearDuplicateSignature(body) } : {}),
    normalizerVersion: NORMALIZER_VERSION,
    // Optional fields travel only when they say something: most stories have a body, no stated
    // urgency and nothing to note, and every byte is paid on three topics.
    ...(bodyless ? { bodyless } : {}),
    ...(doc.feedItem?.urgency ? { urgency: doc.feedItem.urgency } : {}),
    // Embargo, status, version and agency id: carried as the wire format stated them.
    ...(doc.feedItem?.wire ? { wire: doc.feedItem.wire } : {}),
    ...(notes.length > 0 ? { processingNotes: notes } : {}),
    ...(tables.length > 0 ? { tables } : {}),
  };
}

/**
 * The document with NUL and other control characters, lone surrogates and non-characters taken
 * out of its text fields before anything reads them (C1 controls read as windows-1252 where it
 * has a character), and a note of how many went or were read so.
 */
function withoutUnwantedCharacters(doc: RawDocumentV1): { doc: RawDocumentV1; notes: string[] } {
  let removed = 0;
  let repaired = 0;
  const clean = (text: string): string => {
    const cleaned = withoutControlCharacters(text);
    removed += cleaned.removed;
    repaired += cleaned.repaired;
    return cleaned.text;
  };
  const cleanOrNull = (text: string | null | undefined) => (text === null || text === undefined ? text : clean(text));
  const feedItem = doc.feedItem && {
    ...doc.feedItem,
    title: cleanOrNull(doc.feedItem.title) ?? null,
    author: cleanOrNull(doc.feedItem.author) ?? null,
    link: cleanOrNull(doc.feedItem.link) ?? null,
    categories: doc.feedItem.categories.map(clean),
    dateline: cleanOrNull(doc.feedItem.dateline),
  };
  const tables = doc.tables?.map((table) => ({
    ...(table.caption ? { caption: clean(table.caption) } : {}),
    rows: table.rows.map((row) => row.map(clean)),
  }));
  const cleaned = { ...doc, body: clean(doc.body), feedItem, ...(tables ? { tables } : {}) };
  const notes = [
    // What the reader left out (an e-mail's attachments, …) is the desk's to know too.
    ...(doc.processingNotes ?? []).map((note) => withoutControlCharacters(note).text),
    ...(repaired > 0 ? [`read ${repaired} C1 control character(s) as the windows-1252 characters they stand for`] : []),
    ...(removed > 0 ? [`removed ${removed} control or invalid character(s) (NUL, C0/C1 controls, lone surrogates, non-characters)`] : []),
  ];
  return { doc: cleaned, notes };
}

interface DocumentReading {
  copy: WireCopy;
  page: PageFacts | null;
  /** Captions found in markup, before the text was read. */
  extraCaptions: string[];
  /** Data tables found in markup, taken out of its text. */
  tables: ArticleTable[];
}

function readDocument(doc: RawDocumentV1, feedHeadline: string | null): DocumentReading {
  switch (doc.format) {
    case 'wire-text':
      return {
        copy: readWireText(doc.body, { knownHeadline: feedHeadline, detectHeadline: !feedHeadline }),
        page: null,
        extraCaptions: [],
        tables: [],
      };
    case 'html': {
      const page = readHtmlPage(doc.body, doc.documentUri);
      const knownHeadline = page.headline ?? feedHeadline;
      const copy = readWireText(page.bodyText, {
        knownHeadline,
        knownSubheadline: page.subheadline,
        detectHeadline: !knownHeadline,
      });
      return { copy, page, extraCaptions: page.captions, tables: page.tables };
    }
    case 'feed-item': {
      const content = feedItemText(doc.body, doc.documentUri);
      return {
        copy: readWireText(content.text, { knownHeadline: feedHeadline, detectHeadline: !feedHeadline }),
        page: null,
        extraCaptions: content.captions,
        tables: content.tables,
      };
    }
    default: {
      const format: never = doc.format;
      throw new UnprocessableDocumentError(`${doc.documentUri}: unsupported document format ${String(format)}`, { code: ErrorCode.FORMAT_UNSUPPORTED });
    }
  }
}

/**
 * The publisher of copied page text, which no markup names: the site a byline address belongs
 * to, by the name the text shows for it ("BY … [name@joongang.co.kr]" and "Korea JoongAng Daily").
 */
function textPublisher(doc: RawDocumentV1, byline: ParsedByline | null): string | null {
  if (doc.format !== 'wire-text' || !byline || byline.byline.emails.length === 0) return null;
  return publisherFromIdentity({ emails: byline.byline.emails, text: () => doc.body });
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

