import { startTelemetry } from '@wirestream/telemetry';

/** Imported first by main.ts, so tracing is set up before pg and Nest are loaded. */
export const telemetry = startTelemetry('wirestream-api', { instrumentations: ['pg'] });
