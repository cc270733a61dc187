import { DeadLetterV1Schema, DEAD_LETTER_TOPICS, ErrorCode, InvalidMessageError, UnprocessableDocumentError } from '@wirestream/contracts';
import { deadLetterRecord, headersAsStrings } from './dead-letter';

describe('deadLetterRecord', () => {
  const failed = { topic: 'news.raw.v1', partition: 2, offset: '41', key: Buffer.from('abc'), headers: { traceparent: 'tp' } };

  it('parks the original key, value and headers with the stage and the reason', () => {
    const letter = deadLetterRecord('normalizer', { ...failed, value: Buffer.from('{oops') }, new InvalidMessageError('value is not JSON'), 1);
    expect(letter.topic).toBe(DEAD_LETTER_TOPICS.normalizer);
    expect(letter.key).toBe('abc');
    expect(letter.headers).toEqual({ traceparent: 'tp' });
    expect(DeadLetterV1Schema.parse(letter.value)).toMatchObject({
      stage: 'normalizer',
      sourceTopic: 'news.raw.v1',
      partition: 2,
      offset: '41',
      value: '{oops',
      valueEncoding: 'utf8',
      errorClass: 'InvalidMessageError',
      errorMessage: 'value is not JSON',
      errorCode: ErrorCode.MESSAGE_SCHEMA_INVALID,
      attempts: 1,
    });
  });

  it("records the failure's stable code, found through the errors that wrap it", () => {
    const malformed = new UnprocessableDocumentError('nitf.xml: malformed XML: unclosed <p>', { code: ErrorCode.XML_MALFORMED });
    const wrapped = new Error('normalizing failed', { cause: malformed });
    const letterOf = (error: unknown) => DeadLetterV1Schema.parse(deadLetterRecord('normalizer', { ...failed, value: 'x' }, error, 1).value);
    expect(letterOf(malformed).errorCode).toBe('XML_MALFORMED');
    expect(letterOf(wrapped)).toMatchObject({ errorClass: 'Error', errorMessage: 'normalizing failed', errorCode: 'XML_MALFORMED' });
    expect(letterOf(new TypeError('bug')).errorCode).toBe('UNCLASSIFIED');
  });

  it('reads a letter parked before codes were recorded', () => {
    const { errorCode: _code, ...older } = deadLetterRecord('normalizer', { ...failed, value: 'x' }, new Error('boom'), 1).value as Record<string, unknown>;
    expect(DeadLetterV1Schema.parse(older).errorCode).toBeUndefined();
  });

  it('keeps bytes that are not UTF-8 exactly, as base64', () => {
    const bytes = Buffer.from([0xff, 0xfe, 0x00, 0x41]);
    const letter = DeadLetterV1Schema.parse(deadLetterRecord('storage', { ...failed, value: bytes }, new Error('boom'), 3).value);
    expect(letter.valueEncoding).toBe('base64');
    expect(Buffer.from(letter.value!, 'base64').equals(bytes)).toBe(true);
    expect(letter.attempts).toBe(3);
  });

  it('gives a keyless message a key naming where it came from', () => {
    const letter = deadLetterRecord('extractor', { ...failed, key: null, value: null }, 'thrown string', 1);
    expect(letter.key).toBe('news.raw.v1:2:41');
    expect(DeadLetterV1Schema.parse(letter.value)).toMatchObject({ key: null, value: null, errorClass: 'string', errorMessage: 'thrown string' });
  });
});

describe('headersAsStrings', () => {
  it('turns kafkajs header buffers into strings and drops undefined ones', () => {
    expect(headersAsStrings({ a: Buffer.from('1'), b: ['2', '3'], c: undefined })).toEqual({ a: '1', b: '2' });
  });
});
