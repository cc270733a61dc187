import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { ArticleRecord } from './article.entity';

/**
 * Where one article's body names entities: the entities named (GIN-indexed, for "articles naming
 * X"), and every mention in text order as parallel arrays. One row per article, not per entity or
 * mention, which is most of what storing a story costs Postgres (see MentionsKeptWithArticle).
 * The `article_entities` view groups the mentions by entity, the `mentions` view has one row each.
 */
@Entity({ name: 'article_mentions' })
export class ArticleMentionsRecord {
  @PrimaryColumn({ name: 'article_id', type: 'varchar', length: 32 })
  articleId!: string;

  @OneToOne(() => ArticleRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'article_id' })
  article?: ArticleRecord;

  /** The distinct entities named, ascending (GIN index article_mentions_entities_idx, made by the migration). */
  @Column({ name: 'entity_ids', type: 'bigint', array: true })
  entityIds!: string[];

  /** Each mention's entity, in text order (start, then end offset). */
  @Column({ name: 'mention_entity_ids', type: 'bigint', array: true })
  mentionEntityIds!: string[];

  @Column({ name: 'start_offsets', type: 'integer', array: true })
  startOffsets!: number[];

  @Column({ name: 'end_offsets', type: 'integer', array: true })
  endOffsets!: number[];

  @Column({ type: 'text', array: true })
  surfaces!: string[];

  /** The extractor's role of each mention (null where it gave none). */
  @Column({ type: 'text', array: true })
  roles!: Array<string | null>;
}
