import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { SourceRecord } from './source.entity';
import { StoryRecord } from './story.entity';
import { ARTICLE_SEARCH_VECTOR } from '../search-functions';


@Entity({ name: 'articles' })
export class ArticleRecord {
  @PrimaryColumn({ name: 'article_id', type: 'varchar', length: 32 })
  articleId!: string;

  @Column({ name: 'source_id', type: 'text' })
  sourceId!: string;

  @ManyToOne(() => SourceRecord)
  @JoinColumn({ name: 'source_id' })
  source?: SourceRecord;

  @Column({ name: 'document_uri', type: 'text' })
  documentUri!: string;

  @Column({ name: 'canonical_url', type: 'text', nullable: true })
  canonicalUrl!: string | null;

  @Column({ type: 'text', nullable: true })
  headline!: string | null;

  @Column({ type: 'text', nullable: true })
  subheadline!: string | null;

  @Column({ name: 'dateline_place', type: 'text', nullable: true })
  datelinePlace!: string | null;

  @Column({ name: 'dateline_date_text', type: 'text', nullable: true })
  datelineDateText!: string | null;

  @Column({ name: 'dateline_agency', type: 'text', nullable: true })
  datelineAgency!: string | null;

  @Column({ name: 'byline_text', type: 'text', nullable: true })
  bylineText!: string | null;

  @Column({ name: 'byline_names', type: 'text', array: true, default: () => "'{}'" })
  bylineNames!: string[];

  @Column({ name: 'byline_emails', type: 'text', array: true, default: () => "'{}'" })
  bylineEmails!: string[];

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  /** 'feed' | 'html-meta' | 'syndication-header' | 'dateline': which evidence gave publishedAt. */
  @Column({ name: 'published_at_source', type: 'text', nullable: true })
  publishedAtSource!: string | null;

  @Column({ type: 'text', nullable: true })
  publisher!: string | null;

  @Column({ name: 'originating_agency', type: 'text', nullable: true })
  originatingAgency!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  credits!: string[];

  @Column({ type: 'text', nullable: true })
  section!: string | null;

  @Column({ type: 'text', nullable: true })
  language!: string | null;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  captions!: string[];

  @Column({ name: 'word_count', type: 'integer' })
  wordCount!: number;

  @Column({ type: 'boolean', default: false })
  bodyless!: boolean;

  @Column({ type: 'smallint', nullable: true })
  urgency!: number | null;

  @Column({ name: 'processing_notes', type: 'text', array: true, default: () => "'{}'" })
  processingNotes!: string[];

  @Column({ name: 'content_hash', type: 'char', length: 64 })
  contentHash!: string;

  @Column({ name: 'normalizer_version', type: 'text' })
  normalizerVersion!: string;

  @Column({ name: 'extractor_version', type: 'text' })
  extractorVersion!: string;

  /** [normalizer major, minor, patch, extractor major, minor, patch]: a newer rank replaces the row, an older one is ignored. */
  @Column({ name: 'version_rank', type: 'integer', array: true, default: () => "'{0,0,0,0,0,0}'" })
  versionRank!: number[];

  /** The story (group of copies and accounts of one event) this article belongs to. */
  @Column({ name: 'story_id', type: 'bigint', nullable: true })
  storyId!: string | null;

  @ManyToOne(() => StoryRecord, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'story_id' })
  story?: StoryRecord;

  /** 64-bit SimHash over 3-word shingles of the body (signed, as Postgres bigint). */
  @Column({ type: 'bigint', nullable: true })
  simhash!: string | null;

  /** Smallest shingle hashes of the body, to find near-duplicates through a GIN index. */
  @Column({ name: 'shingle_sketch', type: 'integer', array: true, default: () => "'{}'" })
  shingleSketch!: number[];

  /** Keys of the entities the article is about, compared to group accounts of one event. */
  @Column({ name: 'salient_entities', type: 'text', array: true, default: () => "'{}'" })
  salientEntities!: string[];

  /** published_at, or fetched_at when the copy carries no date: the order of article listings. */
  @Column({ name: 'sort_at', type: 'timestamptz', generatedType: 'STORED', asExpression: 'coalesce(published_at, fetched_at)', insert: false, update: false })
  sortAt!: Date;

  /** Headline (weight A) and body (weight B) in the article's language, CJK character pairs (C): search-functions.ts. */
  @Column({
    name: 'search_vector',
    type: 'tsvector',
    generatedType: 'STORED',
    asExpression: ARTICLE_SEARCH_VECTOR,
    insert: false,
    update: false,
    select: false,
  })
  searchVector!: string;

  /** The story's trace id, to open its trace from the database. */
  @Column({ name: 'trace_id', type: 'varchar', length: 32, nullable: true })
  traceId!: string | null;

  @Column({ name: 'fetched_at', type: 'timestamptz' })
  fetchedAt!: Date;

  @CreateDateColumn({ name: 'stored_at', type: 'timestamptz' })
  storedAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
