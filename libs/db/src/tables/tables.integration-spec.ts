import type { DataSource } from 'typeorm';
import { migratedTestSchema, type MigratedTestSchema } from '../migrated-test-schema.spec-helper';
import { SCHEMA_TABLES } from './index';

const TYPEORM_BOOKKEEPING = new Set(['migrations', 'typeorm_metadata']);

interface ColumnFacts {
  udt: string;
  nullable: boolean;
  generated: boolean;
}

describe('table modules against the migrated schema', () => {
  let schema: MigratedTestSchema;
  let dataSource: DataSource;
  let columnsByTable: Map<string, Map<string, ColumnFacts>>;
  let kinds: Map<string, 'table' | 'view'>;

  beforeAll(async () => {
    schema = await migratedTestSchema('schema_tables');
    dataSource = schema.dataSource;
    const columns: Array<{ table_name: string; column_name: string; udt_name: string; is_nullable: string; is_generated: string }> = await dataSource.query(
      `SELECT table_name, column_name, udt_name, is_nullable, is_generated FROM information_schema.columns WHERE table_schema = $1`,
      [schema.name],
    );
    columnsByTable = new Map();
    for (const row of columns) {
      if (!columnsByTable.has(row.table_name)) columnsByTable.set(row.table_name, new Map());
      columnsByTable.get(row.table_name)!.set(row.column_name, { udt: row.udt_name, nullable: row.is_nullable === 'YES', generated: row.is_generated === 'ALWAYS' });
    }
    const tables: Array<{ table_name: string; table_type: string }> = await dataSource.query(
      `SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = $1`,
      [schema.name],
    );
    kinds = new Map(tables.map((row) => [row.table_name, row.table_type === 'VIEW' ? 'view' : 'table']));
  });

  afterAll(() => schema.drop());

  it('has a module for every table and view the migrations make, and none for anything else', () => {
    const made = [...kinds.keys()].filter((name) => !TYPEORM_BOOKKEEPING.has(name)).sort();
    expect(SCHEMA_TABLES.map((table) => table.name).sort()).toEqual(made);
  });

  it.each(SCHEMA_TABLES.map((table) => [table.name, table] as const))('%s: the same columns, types, nullability and generated columns', (name, table) => {
    expect(kinds.get(name)).toBe(table.kind);
    const actual = columnsByTable.get(name) ?? new Map<string, ColumnFacts>();
    const declared = Object.fromEntries(
      Object.entries(table.columns).map(([column, spec]) => [column, { udt: spec.type, nullable: spec.nullable, generated: spec.generated }]),
    );
    expect(Object.fromEntries(actual)).toEqual(declared);
  });
});
