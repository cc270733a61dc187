import type { DataSource } from 'typeorm';

/** A dead letter's place in its dead-letter topic, which names it for good. */
export interface ReplayableLetter {
  dlqTopic: string;
  partition: number;
  offset: string;
  sourceTopic: string;
  key: string | null;
}

export interface ReplayClaim<T> {
  /** Letters not replayed before: these were replayed now. */
  replayed: T[];
  /** Letters an earlier replay already put back. */
  alreadyReplayed: T[];
}

/**
 * Replays each dead letter once. The letters not yet recorded are claimed in a transaction that
 * stays open while `replay` puts them back, and commits only after it succeeded: a replay that
 * fails records nothing, and a second replay running at the same time waits for the first's claim
 * and then takes none of its letters. (A crash between the produce and the commit would replay
 * those letters again next time; every stage's effect is idempotent.)
 */
export class DeadLetterReplayJournal {
  constructor(private readonly dataSource: DataSource) {}

  async replayOnce<T extends ReplayableLetter>(letters: T[], replay: (fresh: T[]) => Promise<void>): Promise<ReplayClaim<T>> {
    if (letters.length === 0) return { replayed: [], alreadyReplayed: [] };
    return this.dataSource.transaction(async (manager) => {
      const claimed: Array<{ dlq_topic: string; dlq_partition: number; dlq_offset: string }> = await manager.query(
        `INSERT INTO dead_letter_replays (dlq_topic, dlq_partition, dlq_offset, source_topic, letter_key)
         SELECT * FROM unnest($1::text[], $2::integer[], $3::bigint[], $4::text[], $5::text[])
         ON CONFLICT DO NOTHING
         RETURNING dlq_topic, dlq_partition, dlq_offset::text`,
        [letters.map((letter) => letter.dlqTopic), letters.map((letter) => letter.partition), letters.map((letter) => letter.offset), letters.map((letter) => letter.sourceTopic), letters.map((letter) => letter.key)],
      );
      const fresh = new Set(claimed.map((row) => `${row.dlq_topic}:${row.dlq_partition}:${row.dlq_offset}`));
      const place = (letter: T) => `${letter.dlqTopic}:${letter.partition}:${letter.offset}`;
      const replayed = letters.filter((letter) => fresh.has(place(letter)));
      if (replayed.length > 0) await replay(replayed);
      return { replayed, alreadyReplayed: letters.filter((letter) => !fresh.has(place(letter))) };
    });
  }
}
