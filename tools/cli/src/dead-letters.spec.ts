import type { DeadLetterV1 } from '@wirestream/contracts';
import { groupByCode, letterListLines, NO_CODE, type StoredLetter } from './dead-letters';

function stored(offset: number, errorCode: string | undefined, failedAt = `2026-01-01T00:00:0${offset}.000Z`): StoredLetter {
  const letter: DeadLetterV1 = {
    schemaVersion: 1,
    stage: 'normalizer',
    sourceTopic: 'news.raw.v1',
    partition: 0,
    offset: String(offset),
    key: `article-${offset}`,
    value: '{}',
    valueEncoding: 'utf8',
    headers: {},
    errorClass: 'UnprocessableDocumentError',
    errorMessage: `reason ${offset}`,
    ...(errorCode === undefined ? {} : { errorCode }),
    attempts: 1,
    failedAt,
  };
  return { dlqTopic: 'news.dlq.normalizer.v1', partition: 0, offset: String(offset), letter };
}

describe('dlq list', () => {
  it('groups letters by error code, the largest group first, older letters without a code apart', () => {
    const letters = [stored(1, 'XML_MALFORMED'), stored(2, 'OVERSIZE'), stored(3, undefined), stored(4, 'XML_MALFORMED'), stored(5, 'BODY_EMPTY')];
    expect(groupByCode(letters).map(({ code, letters: grouped }) => [code, grouped.map((letter) => letter.offset)])).toEqual([
      ['XML_MALFORMED', ['1', '4']],
      [NO_CODE, ['3']],
      ['BODY_EMPTY', ['5']],
      ['OVERSIZE', ['2']],
    ]);
  });

  it('prints each code with its count above its letters, then the total', () => {
    expect(letterListLines([stored(1, 'XML_MALFORMED'), stored(2, 'OVERSIZE'), stored(3, 'XML_MALFORMED')])).toEqual([
      'XML_MALFORMED  2 letter(s)',
      '  2026-01-01T00:00:01.000Z  normalizer  news.dlq.normalizer.v1:0:1  key=article-1  UnprocessableDocumentError: reason 1',
      '  2026-01-01T00:00:03.000Z  normalizer  news.dlq.normalizer.v1:0:3  key=article-3  UnprocessableDocumentError: reason 3',
      'OVERSIZE  1 letter(s)',
      '  2026-01-01T00:00:02.000Z  normalizer  news.dlq.normalizer.v1:0:2  key=article-2  UnprocessableDocumentError: reason 2',
      '3 dead letter(s)',
    ]);
  });
});
