import { parseConfig } from '@wirestream/config';
import { z } from 'zod';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/wirestream';
export const DEFAULT_DATABASE_POOL_SIZE = 10;

/** The pool's size, for every service with a database (the API's URL has a variable of its own). */
export const DatabasePoolEnvSchema = z.object({
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).default(DEFAULT_DATABASE_POOL_SIZE).describe('Postgres connections one instance keeps open at most (its pool).'),
});

/** The wirestream database as its schema's owner: storage, and the migrations. */
export const DatabaseEnvSchema = z.object({
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL, e.g. postgres://postgres@127.0.0.1:5432/wirestream' })
    .default(DEFAULT_DATABASE_URL)
    .describe("The wirestream database, as the schema's owner. TLS by the URL's `sslmode` (`require`, or `verify-full` with `sslrootcert=`)."),
  ...DatabasePoolEnvSchema.shape,
});

export type DatabaseConfig = z.infer<typeof DatabaseEnvSchema>;

/** The database settings in `env`, for code outside Nest: the migrations and the TypeORM CLI. */
export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  return parseConfig(DatabaseEnvSchema, env);
}
