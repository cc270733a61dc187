import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity({ name: 'articles' })
export class ArticleRecord {
  @PrimaryColumn({ name: 'article_id', type: 'varchar', length: 32 })
  articleId!: string;

  @Column({ name: 'source_id', type: 'text' })
  sourceId!: string;

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

  @Column({ name: 'content_hash', type: 'char', length: 64 })
  contentHash!: string;

  @Column({ name: 'normalizer_version', type: 'text' })
  normalizerVersion!: string;

  @Column({ name: 'extractor_version', type: 'text' })
  extractorVersion!: string;

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
