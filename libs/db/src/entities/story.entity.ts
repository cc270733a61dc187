import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** One event as the wires told it: syndicated copies of one text and other agencies' accounts. */
@Entity({ name: 'stories' })
export class StoryRecord {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  /** The article that started the story; its headline names the story. */
  @Column({ name: 'first_article_id', type: 'varchar', length: 32, unique: true })
  firstArticleId!: string;

  @Column({ type: 'text', nullable: true })
  headline!: string | null;

  @Column({ name: 'article_count', type: 'integer', default: 0 })
  articleCount!: number;

  @Column({ name: 'first_published_at', type: 'timestamptz', nullable: true })
  firstPublishedAt!: Date | null;

  @Column({ name: 'last_published_at', type: 'timestamptz', nullable: true })
  lastPublishedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
