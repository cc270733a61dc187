import { telemetryConfig } from './telemetry.config';

describe('telemetryConfig', () => {
  it('keeps the OTEL_* values as given, and unset ones unset', () => {
    expect(telemetryConfig({ OTEL_TRACES_EXPORTER: 'console', OTEL_SERVICE_NAME: 'desk' })).toEqual({ OTEL_TRACES_EXPORTER: 'console', OTEL_SERVICE_NAME: 'desk' });
  });

  it('reads a value from NAME_FILE, refusing it in the one configuration format', () => {
    expect(() => telemetryConfig({ OTEL_EXPORTER_OTLP_ENDPOINT_FILE: '/nonexistent/endpoint' })).toThrow(/^Invalid configuration:\n {2}OTEL_EXPORTER_OTLP_ENDPOINT_FILE: cannot read/);
  });
});
