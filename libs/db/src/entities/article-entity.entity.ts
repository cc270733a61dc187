import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ArticleRecord } from './article.entity';
import { EntityRecord } from './entity.entity';

/**
 * The places in one article's body where one entity is named, as parallel arrays ordered by start
 * offset: one row per (article, entity), not per mention, which halves the rows a story writes.
 * The `mentions` view unnests them.
 */
@Entity({ name: 'article_entities' })
@Index(['entityId', 'articleId'])
export class ArticleEntityRecord {
  @PrimaryColumn({ name: 'article_id', type: 'varchar', length: 32 })
  articleId!: string;

  @ManyToOne(() => ArticleRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'article_id' })
  article?: ArticleRecord;

  @PrimaryColumn({ name: 'entity_id', type: 'bigint' })
  entityId!: string;

  @ManyToOne(() => EntityRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'entity_id' })
  entity?: EntityRecord;

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
