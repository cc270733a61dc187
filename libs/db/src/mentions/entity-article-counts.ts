import type { EntityManager } from 'typeorm';

/**
 * How a batch changes each entity's article count (`entity_article_counts`): one more for every
 * article written that names it, one fewer for every replaced article that named it before.
 */
export class EntityCountChanges {
  private readonly changes = new Map<string, number>();

  /** An article now names these entities (each once). */
  named(entityIds: Iterable<string>): void {
    for (const entityId of entityIds) this.changes.set(entityId, (this.changes.get(entityId) ?? 0) + 1);
  }

  /** A replaced article named these entities (each once). */
  unnamed(entityIds: Iterable<string>): void {
    for (const entityId of entityIds) this.changes.set(entityId, (this.changes.get(entityId) ?? 0) - 1);
  }

  /** Entity ids with a non-zero change, ascending as numbers (the order rows are locked in), and the changes. */
  entries(): Array<[entityId: string, change: number]> {
    return [...this.changes.entries()]
      .filter(([, change]) => change !== 0)
      .sort(([a], [b]) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  }

  /**
   * Adds the changes. The caller holds the story lock: only one storage instance at a time changes
   * counts, so a popular entity's row never makes instances wait for each other.
   */
  async apply(manager: EntityManager): Promise<void> {
    const entries = this.entries();
    if (entries.length === 0) return;
    // A fall for an entity without a row (counts lost by hand) has nothing to lower, so it is left out.
    await manager.query(
      `INSERT INTO entity_article_counts AS c (entity_id, articles)
       SELECT u.entity_id, u.change FROM unnest($1::bigint[], $2::int[]) AS u(entity_id, change)
        WHERE u.change > 0 OR EXISTS (SELECT 1 FROM entity_article_counts k WHERE k.entity_id = u.entity_id)
       ON CONFLICT (entity_id) DO UPDATE SET articles = greatest(c.articles + EXCLUDED.articles, 0)`,
      [entries.map(([entityId]) => entityId), entries.map(([, change]) => change)],
    );
  }
}
