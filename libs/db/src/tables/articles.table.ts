import { column, defineTable, type RowOf } from './define-table';

/** One article: the normalized story with its provenance, its story and its near-duplicate signature. */
export const ARTICLES_TABLE = defineTable('articles', {
  article_id: column('varchar'),
  source_id: column('text'),
  document_uri: column('text'),
  canonical_url: column('text', { nullable: true }),
  headline: column('text', { nullable: true }),
  subheadline: column('text', { nullable: true }),
  dateline_place: column('text', { nullable: true }),
  dateline_date_text: column('text', { nullable: true }),
  dateline_agency: column('text', { nullable: true }),
  byline_text: column('text', { nullable: true }),
  byline_names: column('_text'),
  byline_emails: column('_text'),
  published_at: column('timestamptz', { nullable: true }),
  /** 'feed' | 'html-meta' | 'syndication-header' | 'dateline': which evidence gave published_at. */
  published_at_source: column('text', { nullable: true }),
  publisher: column('text', { nullable: true }),
  originating_agency: column('text', { nullable: true }),
  credits: column('_text'),
  section: column('text', { nullable: true }),
  language: column('text', { nullable: true }),
  body: column('text'),
  captions: column('_text'),
  word_count: column('int4'),
  content_hash: column('bpchar'),
  normalizer_version: column('text'),
  extractor_version: column('text'),
  /** The story's trace id, to open its trace from the database. */
  trace_id: column('varchar', { nullable: true }),
  fetched_at: column('timestamptz'),
  stored_at: column('timestamptz'),
  updated_at: column('timestamptz'),
  /** The story (copies and accounts of one event) the article belongs to. */
  story_id: column('int8', { nullable: true }),
  /** [normalizer major, minor, patch, extractor major, minor, patch]: a newer rank replaces the row, an older one is ignored. */
  version_rank: column('_int4'),
  /** 64-bit SimHash over 3-word shingles of the body (signed, as Postgres bigint). */
  simhash: column('int8', { nullable: true }),
  /** Smallest shingle hashes of the body, compared with those of the articles sketch_keys finds. */
  shingle_sketch: column('_int4'),
  /** The sketch's hashes tagged with the periods of published_at and fetched_at (storedSketchKeys), GIN-indexed to find near-duplicates. */
  sketch_keys: column('_int8'),
  /** Keys of the entities the article is about, compared to group accounts of one event. */
  salient_entities: column('_text'),
  /** published_at, or fetched_at when the copy carries no date: the order of article listings. */
  sort_at: column('timestamptz', { nullable: true, generated: true }),
  /** Nothing but a headline (and metadata) came with the story. */
  bodyless: column('bool'),
  /** The wire's priority, where the format carries one (1 = most urgent). */
  urgency: column('int2', { nullable: true }),
  /** What the pipeline changed or could not read, in words, for the desk. */
  processing_notes: column('_text'),
  /** The agency's id for the item, shared by its versions and its kill (see WireStatusSchema). */
  agency_item_id: column('text', { nullable: true }),
  /** The item's version: the highest of an item's usable, released versions is the one shown. */
  wire_version: column('int4', { nullable: true }),
  /** The version as the copy names it ('2nd Ld-Writethru'). */
  version_label: column('text', { nullable: true }),
  /** 'usable' | 'withheld' | 'canceled': only usable articles are shown; the others are kill and withhold notices. */
  pub_status: column('text'),
  /** Why the item is killed or withheld, as the notice says. */
  status_note: column('text', { nullable: true }),
  /** Not shown before this instant (but to keys permitted to see embargoed copy). */
  embargoed_until: column('timestamptz', { nullable: true }),
  /** The version corrects an earlier one. */
  correction: column('bool'),
  /** Tables of the copy as `[{ caption?, rows: string[][] }]` (the contracts' ArticleTable), kept out of the body; NULL when none. */
  tables: column('jsonb', { nullable: true }),
  /** Headline and body in the article's language, and CJK character pairs: search-functions.ts. */
  search_vector: column('tsvector', { nullable: true, generated: true }),
});

export type ArticleRow = RowOf<typeof ARTICLES_TABLE>;
