import type { EntityManager } from 'typeorm';

/** Largest number of bind parameters one statement may carry in Postgres (int16 counter). */
const MAX_BIND_PARAMETERS = 65_535;

/** Rows in slices small enough for one statement each, at `columnCount` parameters a row. */
export function* chunksByParameters<T>(rows: T[][], columnCount: number): Generator<T[][]> {
  const rowsPerStatement = Math.floor(MAX_BIND_PARAMETERS / columnCount);
  for (let start = 0; start < rows.length; start += rowsPerStatement) yield rows.slice(start, start + rowsPerStatement);
}

/** Rows as one array per column, for `unnest($1::…[], $2::…[], …)`. */
export function columnsOf(rows: unknown[][], columnCount: number): unknown[][] {
  const columns: unknown[][] = Array.from({ length: columnCount }, () => []);
  for (const row of rows) row.forEach((value, index) => columns[index].push(value));
  return columns;
}

/** A `VALUES ($1, $2), ($3, $4)` list for the rows, with its parameters. */
export function valuesClause(rows: unknown[][]): { placeholders: string; parameters: unknown[] } {
  const parameters: unknown[] = [];
  const placeholders = rows
    .map((row) => `(${row.map((value) => `$${parameters.push(value)}`).join(', ')})`)
    .join(', ');
  return { placeholders, parameters };
}

/** A Postgres array literal (`{1,2}`, `{"a b",NULL}`), for binding ragged arrays as one text each. */
export function arrayLiteral(values: Array<string | number | null>): string {
  const elements = values.map((value) =>
    value === null ? 'NULL' : typeof value === 'number' ? String(value) : `"${value.replace(/[\\"]/g, (char) => `\\${char}`)}"`,
  );
  return `{${elements.join(',')}}`;
}

/** Deletes the rows of stored articles that are about to be written again. */
export async function deleteRowsOf(manager: EntityManager, table: 'quotes', articleIds: string[]): Promise<void> {
  if (articleIds.length === 0) return;
  await manager.query(`DELETE FROM ${table} WHERE article_id = ANY($1::varchar[])`, [articleIds]);
}
