import { type ServiceConfiguration } from '@wirestream/config';
import { KafkaEnvSchema } from '@wirestream/kafka';
import { ServiceEnvSchema } from '@wirestream/service-kit';
import { TelemetryEnvSchema } from '@wirestream/telemetry';

/**
 * Every variable the normalizer reads, by schema: docs/configuration.md is generated from these.
 * It has no settings of its own; its module provides KAFKA_CONFIG.
 */
export const SERVICE_CONFIGURATION: ServiceConfiguration = {
  service: 'normalizer',
  defaultHttpPort: 3102,
  schemas: [KafkaEnvSchema, ServiceEnvSchema, TelemetryEnvSchema],
};
