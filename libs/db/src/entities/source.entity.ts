import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Where articles come from: a feed or a drop directory, by the source id the fetcher assigns. */
@Entity({ name: 'sources' })
export class SourceRecord {
  @PrimaryColumn({ name: 'source_id', type: 'text' })
  sourceId!: string;

  @Column({ name: 'first_seen_at', type: 'timestamptz', default: () => 'now()' })
  firstSeenAt!: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz', default: () => 'now()' })
  lastSeenAt!: Date;
}
