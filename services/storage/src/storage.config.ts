import { DatabaseEnvSchema } from '@wirestream/db';
import { z } from 'zod';

export const StorageEnvSchema = DatabaseEnvSchema.extend({
  DATABASE_MIGRATE_ON_START: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true')
    .describe('Run pending migrations when the service starts (convenient for one instance; use the migration job when scaled).'),
});

export type StorageConfig = z.infer<typeof StorageEnvSchema>;
export const STORAGE_CONFIG = Symbol('STORAGE_CONFIG');
