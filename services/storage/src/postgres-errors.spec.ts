import { ErrorCode, PermanentError, TransientError } from '@wirestream/contracts';
import { classifyPostgresError } from './postgres-errors';

describe('classifyPostgresError', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a server shutting down', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['a serialization conflict', Object.assign(new Error('could not serialize access'), { code: '40001' })],
    ['a lost connection', new Error('Connection terminated unexpectedly')],
    ['a missing relation (an unmigrated database)', Object.assign(new Error('relation "articles" does not exist'), { code: '42P01' })],
    ['a missing column (a migration behind)', Object.assign(new Error('column "urgency" does not exist'), { code: '42703' })],
    ['a permission denied', Object.assign(new Error('permission denied for table articles'), { code: '42501' })],
    ['a read-only transaction', Object.assign(new Error('cannot execute INSERT in a read-only transaction'), { code: '25006' })],
    ['a database that does not exist', Object.assign(new Error('database "wirestream" does not exist'), { code: '3D000' })],
    ['failed authentication', Object.assign(new Error('password authentication failed'), { code: '28P01' })],
    ['too many connections', Object.assign(new Error('sorry, too many clients already'), { code: '53300' })],
  ])('retries %s', (_, error) => {
    expect(classifyPostgresError(error)).toMatchObject({ name: 'TransientError', code: 'DATABASE_UNAVAILABLE', cause: error });
  });

  it('dead-letters data the database rejects, keeping the cause', () => {
    const error = Object.assign(new Error('value too long for type character varying(32)'), { code: '22001' });
    const classified = classifyPostgresError(error);
    expect(classified).toBeInstanceOf(PermanentError);
    expect(classified).toMatchObject({ code: 'DATA_REJECTED' });
    expect(classified.cause).toBe(error);
  });

  it('dead-letters other 25xxx transaction states than read-only', () => {
    expect(classifyPostgresError(Object.assign(new Error('invalid transaction state'), { code: '25000' }))).not.toBeInstanceOf(TransientError);
  });

  it("keeps an error the store classified, whose code is not a SQLSTATE", () => {
    const conflict = new TransientError('articles written by another storage instance meanwhile, 5 times in a row', { code: ErrorCode.WRITE_CONFLICT });
    expect(classifyPostgresError(conflict)).toBe(conflict);
  });

  it('passes other errors through unchanged', () => {
    const error = new TypeError('cannot read properties of undefined');
    expect(classifyPostgresError(error)).toBe(error);
  });
});
