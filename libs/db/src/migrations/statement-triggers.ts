import type { QueryRunner } from 'typeorm';

/**
 * A statement-level trigger and its function, `<table>_<name>`: what the writer keeps instead of
 * foreign keys and counts (a DELETE trigger sees the deleted rows as `deleted`).
 */
export interface StatementTrigger {
  readonly table: string;
  readonly event: 'DELETE' | 'TRUNCATE';
  readonly name: string;
  /** PL/pgSQL statements run before `RETURN NULL`. */
  readonly body: string;
}

export async function createStatementTriggers(queryRunner: QueryRunner, triggers: readonly StatementTrigger[]): Promise<void> {
  for (const trigger of triggers) {
    await queryRunner.query(`
        CREATE FUNCTION ${trigger.name}() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
        BEGIN
          ${trigger.body}
          RETURN NULL;
        END $$`);
    await queryRunner.query(`
        CREATE TRIGGER ${trigger.table}_${trigger.name} AFTER ${trigger.event} ON ${trigger.table}
          ${trigger.event === 'DELETE' ? 'REFERENCING OLD TABLE AS deleted' : ''} FOR EACH STATEMENT EXECUTE FUNCTION ${trigger.name}()`);
  }
}

/** Drops them in reverse order. */
export async function dropStatementTriggers(queryRunner: QueryRunner, triggers: readonly StatementTrigger[]): Promise<void> {
  for (const trigger of [...triggers].reverse()) {
    await queryRunner.query(`DROP TRIGGER ${trigger.table}_${trigger.name} ON ${trigger.table}`);
    await queryRunner.query(`DROP FUNCTION ${trigger.name}()`);
  }
}
