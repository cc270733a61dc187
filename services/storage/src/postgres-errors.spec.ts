import { PermanentError, TransientError } from '@wirestream/contracts';
import { classifyPostgresError } from './postgres-errors';

describe('classifyPostgresError', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a server shutting down', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['a serialization conflict', Object.assign(new Error('could not serialize access'), { code: '40001' })],
    ['a lost connection', new Error('Connection terminated unexpectedly')],
  ])('retries %s', (_, error) => {
    expect(classifyPostgresError(error)).toBeInstanceOf(TransientError);
  });

  it('dead-letters data the database rejects', () => {
    const error = Object.assign(new Error('value too long for type character varying(32)'), { code: '22001' });
    expect(classifyPostgresError(error)).toBeInstanceOf(PermanentError);
  });

  it('passes other errors through unchanged', () => {
    const error = new TypeError('cannot read properties of undefined');
    expect(classifyPostgresError(error)).toBe(error);
  });
});
