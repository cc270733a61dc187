import { startTelemetry } from '@wirestream/telemetry';

/** Imported first by main.ts, so tracing is set up before kafkajs and Nest are loaded. */
export const telemetry = startTelemetry('wirestream-storage', { instrumentations: ['pg'] });
