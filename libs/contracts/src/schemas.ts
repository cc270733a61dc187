import { z } from 'zod';
import { ARTICLE_ID_PATTERN } from './article-id';

/**
 * Versioned message schemas, one per topic. Within a topic version, changes are additive only
 * (new optional fields), or a new `schemaVersion` that consumers can read older messages into
 * (an optional field becoming required, with a value that stands for its absence: see
 * schema-upgrades.ts); anything else is a new topic version. Every message carries its
 * `schemaVersion`, so a consumer rejects a version it does not know instead of misreading it.
 */

/** Largest document body a raw message may carry, in UTF-16 code units (about 2 MB of text). */
export const MAX_BODY_CHARS = 2_000_000;

const articleId = z.string().regex(ARTICLE_ID_PATTERN, 'articleId must be 32 lowercase hex characters');
const isoDateTime = z.iso.datetime({ offset: true });
/** A calendar date alone ('2025-01-06') when that is all the copy says, else a full date-time. */
const isoDateOrDateTime = z.union([z.iso.date(), isoDateTime]);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha256 hex digest');

export const SourceKindSchema = z.enum(['file-drop', 'feed']);
/** How the document's bytes are laid out, which decides how the normalizer reads them. */
export const DocumentFormatSchema = z.enum(['wire-text', 'html', 'feed-item']);

/** IPTC's publication status: usable copy, copy withheld for now, or canceled (a kill). */
export const PubStatusSchema = z.enum(['usable', 'withheld', 'canceled']);

/**
 * What a wire format says about an item's life, where it says it: embargo, publication status,
 * version, correction, and the agency's own id that the item's versions and kills share.
 */
export const WireStatusSchema = z.object({
  /** The agency's id for the item, the same on every version and on its kill (ninjs uri, G2 guid, NewsML 1.2 id without revision, ANPA keyword and day). */
  agencyItemId: z.string().min(1).nullable(),
  /** Which version this is, as a number that grows with each (ninjs version, G2 version, RevisionId, ANPA write-thru ordinal); null when unstated. */
  version: z.number().int().nonnegative().nullable(),
  /** The version as the copy names it ('2nd Ld-Writethru', 'REFILE 1ST LEAD'), when it names one. */
  versionLabel: z.string().nullable(),
  pubStatus: PubStatusSchema,
  /** Why the item is killed or withheld, or the editor's note that says so, when stated. */
  statusNote: z.string().nullable(),
  /** Not to be published before this instant. */
  embargoedUntil: isoDateTime.nullable(),
  /** The item corrects an earlier version. */
  correction: z.boolean(),
});

export const FeedItemSchema = z.object({
  title: z.string().nullable(),
  link: z.string().nullable(),
  guid: z.string().nullable(),
  publishedAt: isoDateTime.nullable(),
  author: z.string().nullable(),
  categories: z.array(z.string()),
  /** Added within v1: the dateline an NITF/NewsML-G2 item declares apart from its copy ("NEW YORK"). */
  dateline: z.string().nullable().optional(),
  /** Added within v1: the subheadline an NITF (hl2) or NewsML-G2 (headline role hld:subHeadline, <subheadline>) item declares. */
  subheadline: z.string().nullable().optional(),
  /** Added within v1: the item's urgency as the format states it, 1 (FLASH) to 9 (lowest); IPTC's scale. */
  urgency: z.number().int().min(1).max(9).nullable().optional(),
  /** Added within v1: the item's embargo, status, version and agency id, from wire formats that state them. */
  wire: WireStatusSchema.nullable().optional(),
});

/**
 * A table of the copy (sports agate, results, weather, markets), kept as rows of cells rather than
 * run into the body's prose: the first row may be a header row; cells are plain text.
 */
export const ArticleTableSchema = z.object({
  /** What the table is, when the copy says ('Standings', an HTML <caption>). */
  caption: z.string().nullable().optional(),
  rows: z.array(z.array(z.string())),
});

export const RawDocumentV1Schema = z.object({
  schemaVersion: z.literal(1),
  articleId,
  source: z.object({ id: z.string().min(1), kind: SourceKindSchema, uri: z.string().min(1) }),
  /** Where this document was read from: a file path or the item's URL. */
  documentUri: z.string().min(1),
  fetchedAt: isoDateTime,
  format: DocumentFormatSchema,
  /** Charset the bytes were decoded from; the body itself is always UTF-8 text. */
  charset: z.string().min(1),
  body: z.string().max(MAX_BODY_CHARS),
  /** sha256 of the body, and of its tables when it has any: what the fetcher compares to send a changed document again. */
  contentHash: sha256,
  /** Fields the feed carried for this item (null for file drops). */
  feedItem: FeedItemSchema.nullable(),
  /** Added within v1: tables the reader found in the copy (ANPA agate, …), kept out of the body. Absent means none. */
  tables: z.array(ArticleTableSchema).optional(),
  /** Added within v1: what the reader left out or doubted (an e-mail's attachments, …), for the article's processing notes. */
  processingNotes: z.array(z.string()).optional(),
});

export const DatelineSchema = z.object({
  place: z.string().nullable(),
  dateText: z.string().nullable(),
  agency: z.string().nullable(),
});

export const BylineSchema = z.object({
  text: z.string(),
  names: z.array(z.string()),
  emails: z.array(z.string()),
});

/** Where the published date-time came from, most to least authoritative. */
export const PublishedAtSourceSchema = z.enum(['feed', 'html-meta', 'syndication-header', 'dateline']);

/** Computed by the normalizer from the body; compared by story grouping (@wirestream/stories). */
export const NearDuplicateSchema = z.object({
  /** 64-bit SimHash over 3-word shingles, as 16 lowercase hex digits. */
  simhash: z.string().regex(/^[0-9a-f]{16}$/),
  /** The smallest distinct shingle hashes (bottom-k), signed 32-bit, ascending. */
  sketch: z.array(z.number().int().min(-2147483648).max(2147483647)).max(64),
});

export const NormalizedArticleSchema = z.object({
  articleId,
  sourceId: z.string().min(1),
  documentUri: z.string().min(1),
  canonicalUrl: z.string().nullable(),
  fetchedAt: isoDateTime,
  headline: z.string().nullable(),
  subheadline: z.string().nullable(),
  dateline: DatelineSchema.nullable(),
  byline: BylineSchema.nullable(),
  publishedAt: isoDateOrDateTime.nullable(),
  publishedAtSource: PublishedAtSourceSchema.nullable(),
  /** Who put the copy out where we read it (MENAFN), vs the agency that wrote it (KUNA). */
  publisher: z.string().nullable(),
  originatingAgency: z.string().nullable(),
  /** Agencies credited inside the copy ("Yonhap News Agency reported", "[YONHAP]"). */
  credits: z.array(z.string()),
  section: z.string().nullable(),
  language: z.string().nullable(),
  body: z.string(),
  /** Photo captions, kept apart from the body rather than deleted. */
  captions: z.array(z.string()),
  wordCount: z.number().int().nonnegative(),
  /** sha256 of the normalized body: equal for byte-different copies of the same text. */
  contentHash: sha256,
  /**
   * Near-duplicate signature of the body, for grouping copies of one story. Added within v1:
   * absent for a headline-only article, and in messages from normalizers that predate it.
   */
  nearDuplicate: NearDuplicateSchema.optional(),
  normalizerVersion: z.string().min(1),
  /**
   * Added within v1: a headline with no body text (a FLASH or BULLETIN, or a feed item carrying a
   * title and a link only). Absent means false.
   */
  bodyless: z.boolean().optional(),
  /** Added within v1: urgency 1 (FLASH) to 9, when the copy or its format states one. */
  urgency: z.number().int().min(1).max(9).nullable().optional(),
  /** Added within v1: what the normalizer changed or doubted on the way (control characters removed, …). */
  processingNotes: z.array(z.string()).optional(),
  /** Added within v1: the wire status the item carried (see WireStatusSchema); absent or null when its format states none. */
  wire: WireStatusSchema.nullable().optional(),
  /** Added within v1: tables of the copy (agate, HTML or NITF tables), as rows of cells, not in the body. Absent means none. */
  tables: z.array(ArticleTableSchema).optional(),
});

export const NormalizedArticleV1Schema = NormalizedArticleSchema.extend({ schemaVersion: z.literal(1) });

export const EntityTypeSchema = z.enum(['PERSON', 'ORG', 'GPE', 'LOC', 'MISC']);

export const MentionSchema = z.object({
  /** UTF-16 offsets into the normalized body, end exclusive. */
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  text: z.string().min(1),
  /** A title or role in apposition ("Foreign Minister"), when the text gives one; "dateline" for the dateline's place. */
  role: z.string().nullable(),
  /**
   * Added within v1: where the mention is when it is not in the body. "dateline": in the
   * article's dateline place (`article.dateline.place`), the offsets into that text.
   */
  field: z.enum(['dateline']).optional(),
});

export const ExtractedEntitySchema = z.object({
  /** Stable identity across articles: `<TYPE>:<canonical name, lowercased>`. */
  key: z.string().min(3),
  canonicalName: z.string().min(1),
  type: EntityTypeSchema,
  aliases: z.array(z.string()),
  mentions: z.array(MentionSchema).min(1),
});

/** A direct quotation in the normalized body, with its speaker when the extractor resolved one. */
export const QuoteSchema = z
  .object({
    /** The quoted words, without the quotation marks. */
    text: z.string().min(1),
    /** UTF-16 offsets into the normalized body of the quoted stretch, end exclusive. */
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    /** Key of the speaker among this article's entities (`PERSON:antony blinken`), or null. */
    speakerKey: z.string().min(1).nullable(),
    /** The speaker as the copy names them, or null. */
    speakerName: z.string().min(1).nullable(),
    /**
     * Added within v1: how the speaker was found — named at the attribution cue, a pronoun or a
     * description resolved, carried on from the previous quote — or 'unknown' when nothing in the
     * text attributes the quote. Absent in messages from extractors that predate it.
     */
    speakerSource: z.enum(['name', 'pronoun', 'description', 'continuation', 'unknown']).optional(),
  })
  .refine((quote) => quote.end > quote.start, { message: 'quote end must be after start' });

export const EnrichedArticleV1Schema = z.object({
  schemaVersion: z.literal(1),
  articleId,
  article: NormalizedArticleSchema,
  entities: z.array(ExtractedEntitySchema),
  /** Added within v1: absent in messages from extractors that predate quotes, meaning none. */
  quotes: z.array(QuoteSchema).optional(),
  extractorVersion: z.string().min(1),
});

/**
 * news.enriched.v1 messages written since schema version 2: the article's `nearDuplicate` is
 * required, null when the article has none (a headline-only article, or one from a normalizer that
 * predates signatures), so storage never computes one. Version 1 messages are read as version 2.
 */
export const EnrichedArticleV2Schema = EnrichedArticleV1Schema.extend({
  schemaVersion: z.literal(2),
  article: NormalizedArticleSchema.extend({ nearDuplicate: NearDuplicateSchema.nullable() }),
});

/**
 * news.enriched.v1 messages written since schema version 3: the article's `wire` is required, null
 * when its format states no embargo, status or version (or a normalizer predates them), so storage
 * reads one shape. Versions 1 and 2 are read as version 3.
 */
export const EnrichedArticleV3Schema = EnrichedArticleV1Schema.extend({
  schemaVersion: z.literal(3),
  article: NormalizedArticleSchema.extend({ nearDuplicate: NearDuplicateSchema.nullable(), wire: WireStatusSchema.nullable() }),
});

export const DeadLetterV1Schema = z.object({
  schemaVersion: z.literal(1),
  stage: z.enum(['fetcher', 'normalizer', 'extractor', 'storage']),
  sourceTopic: z.string(),
  partition: z.number().int().nullable(),
  offset: z.string().nullable(),
  key: z.string().nullable(),
  /** The original value: UTF-8 text when it decodes cleanly, base64 otherwise. */
  value: z.string().nullable(),
  valueEncoding: z.enum(['utf8', 'base64']),
  headers: z.record(z.string(), z.string()),
  errorClass: z.string(),
  errorMessage: z.string(),
  /**
   * The failure's stable ErrorCode. Absent from letters parked before codes were recorded; a plain
   * string, so letters with codes added later still parse where an older build reads them.
   */
  errorCode: z.string().optional(),
  attempts: z.number().int().positive(),
  failedAt: isoDateTime,
});

export type SourceKind = z.infer<typeof SourceKindSchema>;
export type DocumentFormat = z.infer<typeof DocumentFormatSchema>;
export type FeedItem = z.infer<typeof FeedItemSchema>;
export type ArticleTable = z.infer<typeof ArticleTableSchema>;
export type RawDocumentV1 = z.infer<typeof RawDocumentV1Schema>;
export type Dateline = z.infer<typeof DatelineSchema>;
export type Byline = z.infer<typeof BylineSchema>;
export type PublishedAtSource = z.infer<typeof PublishedAtSourceSchema>;
export type NormalizedArticle = z.infer<typeof NormalizedArticleSchema>;
export type NormalizedArticleV1 = z.infer<typeof NormalizedArticleV1Schema>;
export type EntityType = z.infer<typeof EntityTypeSchema>;
export type Mention = z.infer<typeof MentionSchema>;
export type ExtractedEntity = z.infer<typeof ExtractedEntitySchema>;
export type NearDuplicate = z.infer<typeof NearDuplicateSchema>;
export type EnrichedArticleV1 = z.infer<typeof EnrichedArticleV1Schema>;
export type EnrichedArticleV2 = z.infer<typeof EnrichedArticleV2Schema>;
export type EnrichedArticleV3 = z.infer<typeof EnrichedArticleV3Schema>;
export type PubStatus = z.infer<typeof PubStatusSchema>;
export type WireStatus = z.infer<typeof WireStatusSchema>;
export type ExtractedQuote = z.infer<typeof QuoteSchema>;
export type DeadLetterV1 = z.infer<typeof DeadLetterV1Schema>;
