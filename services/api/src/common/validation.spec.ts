import { BadRequestException } from '@nestjs/common';
import { z } from 'zod';
import { decodeCursor, encodeCursor } from './cursor';
import { parseInput, ROW_ID } from './validation';

describe('cursor', () => {
  it('round-trips the position after a page', () => {
    const cursor = { sortAt: '2025-01-06T00:00:00.123456+00:00', articleId: 'a'.repeat(32) };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it.each(['', 'not-a-cursor', Buffer.from('["yesterday","x"]').toString('base64url'), Buffer.from('{"a":1}').toString('base64url')])(
    'rejects %j',
    (text) => {
      expect(decodeCursor(text)).toBeNull();
    },
  );
});

describe('parseInput', () => {
  it('names each bad parameter in a 400', () => {
    const schema = z.strictObject({ id: ROW_ID, limit: z.coerce.number().int() });
    try {
      parseInput(schema, { id: '0', limit: 'x', extra: '1' });
      throw new Error('expected a 400');
    } catch (error) {
      expect(error).toBeInstanceOf(BadRequestException);
      const body = (error as BadRequestException).getResponse() as { problems: Array<{ parameter: string; message: string }> };
      expect(body.problems.map((problem) => problem.parameter).sort()).toEqual(['extra', 'id', 'limit']);
    }
  });

  it('accepts the largest bigint id and refuses one past it', () => {
    expect(parseInput(ROW_ID, '9223372036854775807')).toBe('9223372036854775807');
    expect(() => parseInput(ROW_ID, '9223372036854775808')).toThrow(BadRequestException);
  });
});
