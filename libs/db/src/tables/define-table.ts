/**
 * The schema's one typed view: a module per table (or view) naming its columns, their Postgres
 * types and nullability, and the row type node-postgres returns for them. The migrations are the
 * only DDL; `tables.integration-spec.ts` holds every module to the migrated database, so a
 * migration that changes a column without its module (or the reverse) fails the tests.
 */

/** The Postgres types the schema uses (as information_schema's udt_name), and what pg returns for each. */
interface PgValues {
  text: string;
  varchar: string;
  bpchar: string;
  int2: number;
  int4: number;
  /** bigint comes back as a string: it may not fit a JavaScript number. */
  int8: string;
  bool: boolean;
  timestamptz: Date;
  bytea: Buffer;
  tsvector: string;
  /** JSON, parsed by node-postgres; its shape is for the reader to check. */
  jsonb: unknown;
  _text: string[];
  _int4: number[];
  _int8: string[];
}

export type PgType = keyof PgValues;

export interface ColumnSpec<T extends PgType = PgType, Nullable extends boolean = boolean, NullElements extends boolean = boolean> {
  readonly type: T;
  readonly nullable: Nullable;
  /** Computed by Postgres (GENERATED ALWAYS … STORED): never written. */
  readonly generated: boolean;
  /** An array whose elements may be NULL. */
  readonly nullElements: NullElements;
}

interface ColumnOptions<Nullable extends boolean, NullElements extends boolean> {
  nullable?: Nullable;
  generated?: boolean;
  nullElements?: NullElements;
}

export function column<T extends PgType, Nullable extends boolean = false, NullElements extends boolean = false>(
  type: T,
  options: ColumnOptions<Nullable, NullElements> = {},
): ColumnSpec<T, Nullable, NullElements> {
  return {
    type,
    nullable: (options.nullable ?? false) as Nullable,
    generated: options.generated ?? false,
    nullElements: (options.nullElements ?? false) as NullElements,
  };
}

type ElementsOf<C extends ColumnSpec> = C['nullElements'] extends true ? Array<PgValues[C['type']] extends Array<infer E> ? E | null : never> : PgValues[C['type']];
type ValueOf<C extends ColumnSpec> = C['nullable'] extends true ? ElementsOf<C> | null : ElementsOf<C>;

/** The row `SELECT *` returns: one property per column, named as the column. */
export type RowOf<D extends TableDefinition<object>> = { -readonly [K in keyof D['columns']]: D['columns'][K] extends ColumnSpec ? ValueOf<D['columns'][K]> : never };

// Columns is only `object` here: a ColumnSpec constraint would be the calls' contextual type and
// widen each column's nullability to boolean.
export interface TableDefinition<Columns extends object = Record<string, ColumnSpec>> {
  readonly name: string;
  readonly kind: 'table' | 'view';
  readonly columns: Columns;
}

export function defineTable<Columns extends object>(name: string, columns: Columns, kind: 'table' | 'view' = 'table'): TableDefinition<Columns> {
  return { name, kind, columns };
}

/** `alias.column, …` for a SELECT list, so a query names only columns its table module declares. */
export function selectList<D extends TableDefinition<object>>(table: D, alias: string, names: ReadonlyArray<keyof D['columns'] & string>): string {
  return names.map((name) => `${alias}.${name}`).join(', ');
}
