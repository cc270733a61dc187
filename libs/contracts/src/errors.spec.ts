import { ErrorCode, errorCodeOf, InvalidMessageError, PermanentError, TransientError, UnprocessableDocumentError } from './errors';

describe('pipeline errors', () => {
  it('keep the error they wrap as their cause', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const error = new TransientError('postgres unavailable', { code: ErrorCode.DATABASE_UNAVAILABLE, cause: refused });
    expect(error.cause).toBe(refused);
    expect(error.code).toBe('DATABASE_UNAVAILABLE');
  });

  it('have no cause when they wrap nothing', () => {
    expect('cause' in new PermanentError('too large', { code: ErrorCode.OVERSIZE })).toBe(false);
  });

  it('give documents and messages a default code a thrower may refine', () => {
    expect(new UnprocessableDocumentError('odd').code).toBe('DOCUMENT_UNPROCESSABLE');
    expect(new UnprocessableDocumentError('cut', { code: ErrorCode.XML_MALFORMED }).code).toBe('XML_MALFORMED');
    expect(new InvalidMessageError('bad').code).toBe('MESSAGE_SCHEMA_INVALID');
  });
});

describe('errorCodeOf', () => {
  it("is an error's own code, else the nearest wrapped one's", () => {
    const inner = new UnprocessableDocumentError('charset', { code: ErrorCode.CHARSET_UNDECODABLE });
    expect(errorCodeOf(inner)).toBe('CHARSET_UNDECODABLE');
    expect(errorCodeOf(new Error('outer', { cause: new Error('middle', { cause: inner }) }))).toBe('CHARSET_UNDECODABLE');
  });

  it('passes over codes that are not ours, and is UNCLASSIFIED without one', () => {
    expect(errorCodeOf(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe('UNCLASSIFIED');
    expect(errorCodeOf('a thrown string')).toBe('UNCLASSIFIED');
  });

  it('ends on a cause that loops back', () => {
    const looping = new Error('a');
    looping.cause = new Error('b', { cause: looping });
    expect(errorCodeOf(looping)).toBe('UNCLASSIFIED');
  });
});
