import type { EnrichedArticleV3 } from '@wirestream/contracts';
import type { EntityManager } from 'typeorm';
import { arrayLiteral, chunksByParameters, valuesClause } from '../sql/bind-parameters';

/**
 * Entity ids by key, adding the batch's new entities and new aliases. Known entities are read, not
 * upserted: `ON CONFLICT DO UPDATE` locks every conflicting row to the commit, even one it leaves
 * alone, and the popular entities are in most batches, so storage instances would take turns on
 * them. New rows are inserted in key order, and rows that gain an alias are locked in the
 * database's key order, the same for every instance.
 */
export async function upsertEntities(manager: EntityManager, messages: EnrichedArticleV3[]): Promise<Map<string, string>> {
  const byKey = new Map<string, { name: string; type: string; aliases: Set<string> }>();
  for (const entity of messages.flatMap((message) => message.entities)) {
    const known = byKey.get(entity.key) ?? { name: entity.canonicalName, type: entity.type, aliases: new Set<string>() };
    entity.aliases.forEach((alias) => known.aliases.add(alias));
    byKey.set(entity.key, known);
  }
  const keys = [...byKey.keys()].sort();
  const ids = new Map<string, string>();
  if (keys.length === 0) return ids;
  const aliasLiterals = (batchKeys: string[]) => batchKeys.map((key) => arrayLiteral([...byKey.get(key)!.aliases].sort()));
  // Whether each known row has the batch's aliases already is asked of the server: a popular
  // entity's alias list only grows, and reading it whole into every batch would too.
  const stored: Array<{ id: string; key: string; has_aliases: boolean }> = await manager.query(
    `SELECT e.id, e.key, e.aliases @> u.aliases::text[] AS has_aliases
       FROM unnest($1::text[], $2::text[]) AS u(key, aliases) JOIN entities e ON e.key = u.key`,
    [keys, aliasLiterals(keys)],
  );
  const complete = new Set<string>();
  for (const row of stored) {
    ids.set(row.key, String(row.id));
    if (row.has_aliases) complete.add(row.key);
  }
  const newRows = keys
    .filter((key) => !ids.has(key))
    .map((key) => {
      const entity = byKey.get(key)!;
      return [key, entity.name, entity.type, [...entity.aliases].sort()];
    });
  for (const chunk of chunksByParameters(newRows, 4)) {
    const { placeholders, parameters } = valuesClause(chunk);
    // Another instance may insert the same entity meanwhile: its row is the one kept, and the
    // aliases this batch brings are added below like any known entity's.
    const inserted: Array<{ id: string; key: string }> = await manager.query(
      `INSERT INTO entities (key, canonical_name, type, aliases) VALUES ${placeholders} ON CONFLICT (key) DO NOTHING RETURNING id, key`,
      parameters,
    );
    inserted.forEach((row) => {
      ids.set(row.key, String(row.id));
      complete.add(row.key);
    });
  }
  // Known keys this batch brings new aliases for, and keys another instance inserted since the read above.
  const aliasUpdates = keys.filter((key) => !complete.has(key));
  if (aliasUpdates.length > 0) {
    // Row locks in one order first (the database's, for every instance): an UPDATE … FROM locks
    // rows in whatever order its join runs.
    await manager.query(`SELECT 1 FROM entities WHERE key = ANY($1::text[]) ORDER BY key FOR NO KEY UPDATE`, [aliasUpdates]);
    const updated: Array<{ id: string; key: string }> = await manager.query(
      `UPDATE entities e
          SET aliases = ARRAY(SELECT DISTINCT alias FROM unnest(e.aliases || u.aliases) AS alias ORDER BY alias)
         FROM (SELECT key, aliases::text[] AS aliases FROM unnest($1::text[], $2::text[]) AS u(key, aliases)) u
        WHERE e.key = u.key AND NOT e.aliases @> u.aliases
        RETURNING e.id, e.key`,
      [aliasUpdates, aliasLiterals(aliasUpdates)],
    );
    updated.forEach((row) => ids.set(row.key, String(row.id)));
    const missing = aliasUpdates.filter((key) => !ids.has(key));
    if (missing.length > 0) {
      const rows: Array<{ id: string; key: string }> = await manager.query(`SELECT id, key FROM entities WHERE key = ANY($1::text[])`, [missing]);
      rows.forEach((row) => ids.set(row.key, String(row.id)));
    }
  }
  return ids;
}

