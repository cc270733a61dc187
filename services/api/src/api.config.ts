import { DEFAULT_DATABASE_URL } from '@wirestream/db';
import { z } from 'zod';

export const ApiEnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .url()
    .default(DEFAULT_DATABASE_URL)
    .describe('Postgres connection URL of the wirestream database; the API opens read-only sessions on it and only SELECTs.'),
  API_DEFAULT_PAGE_SIZE: z.coerce.number().int().min(1).max(500).default(20).describe('Articles per page when a request gives no limit.'),
  API_MAX_PAGE_SIZE: z.coerce.number().int().min(1).max(500).default(100).describe('Largest limit a request may ask for.'),
});

export type ApiConfig = z.infer<typeof ApiEnvSchema>;
export const API_CONFIG = Symbol('API_CONFIG');
