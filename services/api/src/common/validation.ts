import { BadRequestException } from '@nestjs/common';
import { z } from 'zod';

/** Body of every 400: what was wrong, parameter by parameter. */
export interface ValidationProblem {
  parameter: string;
  message: string;
}

/** Parses request input with a zod schema; a failure becomes a 400 naming each bad parameter. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what = 'parameters'): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems: ValidationProblem[] = parsed.error.issues.map((issue) => ({
    parameter: issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue.path.join('.') || '(input)',
    message: issue.code === 'unrecognized_keys' ? 'unknown parameter' : issue.message,
  }));
  throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: `invalid ${what}`, problems });
}

export const ARTICLE_ID = z.string().regex(/^[0-9a-f]{32}$/, 'must be an article id: 32 lowercase hex characters');

/** A positive bigint id (entities, stories), kept as a string. */
export const ROW_ID = z
  .string()
  .regex(/^[1-9][0-9]{0,18}$/, 'must be a positive integer id')
  .refine((value) => !/^[0-9]{1,19}$/.test(value) || BigInt(value) <= 9_223_372_036_854_775_807n, 'is out of range');

/** A calendar date (whole day in UTC) or a date-time with offset. */
export const DATE_OR_DATE_TIME = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'must be a date (2025-01-06) or a date-time with offset (2025-01-06T09:00:00Z)',
});

export function limitSchema(defaultLimit: number, maxLimit: number) {
  return z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(maxLimit, `must be at most ${maxLimit}`)
    .default(defaultLimit);
}
