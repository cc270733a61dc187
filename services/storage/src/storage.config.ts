import { type ServiceConfiguration } from '@wirestream/config';
import { DatabaseEnvSchema } from '@wirestream/db';
import { KafkaEnvSchema } from '@wirestream/kafka';
import { ServiceEnvSchema } from '@wirestream/service-kit';
import { TelemetryEnvSchema } from '@wirestream/telemetry';
import { z } from 'zod';

export const StorageEnvSchema = DatabaseEnvSchema.extend({
  DATABASE_MIGRATE_ON_START: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true')
    .describe('Run pending migrations when the service starts (convenient for one instance; use the migration job when scaled).'),
}).meta({ title: 'Storage' });

export type StorageConfig = z.infer<typeof StorageEnvSchema>;
export const STORAGE_CONFIG = Symbol('STORAGE_CONFIG');

/** Every variable storage reads, by schema: docs/configuration.md is generated from these. */
export const SERVICE_CONFIGURATION: ServiceConfiguration = {
  service: 'storage',
  defaultHttpPort: 3104,
  schemas: [StorageEnvSchema, KafkaEnvSchema, ServiceEnvSchema, TelemetryEnvSchema],
};
