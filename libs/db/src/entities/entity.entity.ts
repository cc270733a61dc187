import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A canonical person, organisation or place, shared by every article that mentions it. */
@Entity({ name: 'entities' })
export class EntityRecord {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  /** `<TYPE>:<canonical name, lowercased>`: the identity the extractor assigns. */
  @Index({ unique: true })
  @Column({ type: 'text' })
  key!: string;

  @Column({ name: 'canonical_name', type: 'text' })
  canonicalName!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  aliases!: string[];

  /** Words of the canonical name and aliases ('simple' configuration), for entity search. */
  @Column({
    name: 'search_names',
    type: 'tsvector',
    generatedType: 'STORED',
    asExpression: 'entity_search_names(canonical_name, aliases)',
    insert: false,
    update: false,
    select: false,
  })
  searchNames!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
