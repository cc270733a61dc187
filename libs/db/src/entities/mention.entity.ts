import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ArticleRecord } from './article.entity';
import { EntityRecord } from './entity.entity';

/** One place in one article's body where an entity is named. */
@Entity({ name: 'mentions' })
@Index(['articleId', 'startOffset', 'endOffset'], { unique: true })
export class MentionRecord {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'article_id', type: 'varchar', length: 32 })
  articleId!: string;

  @ManyToOne(() => ArticleRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'article_id' })
  article?: ArticleRecord;

  @Index()
  @Column({ name: 'entity_id', type: 'bigint' })
  entityId!: string;

  @ManyToOne(() => EntityRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'entity_id' })
  entity?: EntityRecord;

  @Column({ name: 'start_offset', type: 'integer' })
  startOffset!: number;

  @Column({ name: 'end_offset', type: 'integer' })
  endOffset!: number;

  @Column({ type: 'text' })
  surface!: string;

  @Column({ type: 'text', nullable: true })
  role!: string | null;
}
