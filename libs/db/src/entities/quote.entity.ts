import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ArticleRecord } from './article.entity';
import { EntityRecord } from './entity.entity';

/** Words an article attributes to a speaker, with their place in the normalized body. */
@Entity({ name: 'quotes' })
@Index(['articleId', 'startOffset', 'endOffset'], { unique: true })
export class QuoteRecord {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'article_id', type: 'varchar', length: 32 })
  articleId!: string;

  @ManyToOne(() => ArticleRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'article_id' })
  article?: ArticleRecord;

  /** The speaker when the extractor resolved them to an entity. */
  @Column({ name: 'speaker_entity_id', type: 'bigint', nullable: true })
  speakerEntityId!: string | null;

  @ManyToOne(() => EntityRecord, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'speaker_entity_id' })
  speaker?: EntityRecord;

  /** The speaker as the copy names them ("a ministry spokesman"). */
  @Column({ name: 'speaker_text', type: 'text', nullable: true })
  speakerText!: string | null;

  @Column({ type: 'text' })
  text!: string;

  @Column({ name: 'start_offset', type: 'integer' })
  startOffset!: number;

  @Column({ name: 'end_offset', type: 'integer' })
  endOffset!: number;
}
