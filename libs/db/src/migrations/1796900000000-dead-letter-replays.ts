import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The record of dead letters replayed (`npm run cli -- dlq replay`), one row per letter by its
 * place in the dead-letter topic, so a second replay puts back only what was not replayed before.
 */
export class DeadLetterReplays1796900000000 implements MigrationInterface {
  name = 'DeadLetterReplays1796900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE dead_letter_replays (
        dlq_topic     text NOT NULL,
        dlq_partition integer NOT NULL,
        dlq_offset    bigint NOT NULL,
        source_topic  text NOT NULL,
        letter_key    text,
        replayed_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (dlq_topic, dlq_partition, dlq_offset)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE dead_letter_replays`);
  }
}
