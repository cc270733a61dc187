import { statementKey } from './statement-cpu';

describe('statementKey', () => {
  it('folds white space and keeps the first 60 characters, so one statement kind is one key', () => {
    const multiLine = `INSERT INTO article_entities (article_id, entity_id, start_offsets, end_offsets, surfaces, roles)
     SELECT article_id, entity_id FROM unnest($1::varchar[])`;
    expect(statementKey(multiLine)).toBe('INSERT INTO article_entities (article_id, entity_id, start_o');
    expect(statementKey('  SELECT 1\n  FROM t ')).toBe('SELECT 1 FROM t');
  });
});
