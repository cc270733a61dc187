import { column, defineTable, selectList } from './define-table';

describe('table modules', () => {
  const NOTES = defineTable('notes', { id: column('int8'), body: column('text', { nullable: true }), tags: column('_text', { nullElements: true }) });

  it('records each column type, nullability and array-element nullability', () => {
    expect(NOTES.columns.id).toEqual({ type: 'int8', nullable: false, generated: false, nullElements: false });
    expect(NOTES.columns.body.nullable).toBe(true);
    expect(NOTES.columns.tags.nullElements).toBe(true);
  });

  it('makes a SELECT list of declared columns under an alias', () => {
    expect(selectList(NOTES, 'n', ['id', 'body'])).toBe('n.id, n.body');
  });
});
