import { type ServiceConfiguration } from '@wirestream/config';
import { KafkaEnvSchema } from '@wirestream/kafka';
import { ServiceEnvSchema } from '@wirestream/service-kit';
import { TelemetryEnvSchema } from '@wirestream/telemetry';
import { z } from 'zod';

export const ExtractorEnvSchema = z.object({
  EXTRACTOR_MAX_BODY_CHARS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(500_000)
    .describe('Longest article body the extractor analyses; longer ones are dead-lettered (recognition cost grows with length).'),
}).meta({ title: 'Extractor' });

export type ExtractorConfig = z.infer<typeof ExtractorEnvSchema>;
export const EXTRACTOR_CONFIG = Symbol('EXTRACTOR_CONFIG');

/** Every variable the extractor reads, by schema: docs/configuration.md is generated from these. */
export const SERVICE_CONFIGURATION: ServiceConfiguration = {
  service: 'extractor',
  defaultHttpPort: 3103,
  schemas: [ExtractorEnvSchema, KafkaEnvSchema, ServiceEnvSchema, TelemetryEnvSchema],
};
