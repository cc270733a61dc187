import { InfraError } from '../infra-error';
import { traceExportEnvironment, traceViewerAddress, traceViewerUrls } from './trace-viewer-address';

describe('traceViewerAddress', () => {
  it('listens on loopback port 9411 unless configured otherwise', () => {
    expect(traceViewerAddress(undefined, undefined)).toEqual({ host: '127.0.0.1', port: 9411 });
    expect(traceViewerAddress(' 0.0.0.0 ', '19411')).toEqual({ host: '0.0.0.0', port: 19411 });
  });

  it('refuses a port that is not one, naming the variable', () => {
    for (const bad of ['0', '65536', 'http', '94.11']) {
      expect(() => traceViewerAddress(undefined, bad)).toThrow(InfraError);
      expect(() => traceViewerAddress(undefined, bad)).toThrow(/WIRESTREAM_TRACES_PORT/);
    }
  });
});

describe('traceViewerUrls', () => {
  it('gives the UI, a trace page, the trace API and the span endpoint', () => {
    const urls = traceViewerUrls({ host: '127.0.0.1', port: 9411 });
    expect(urls.ui).toBe('http://127.0.0.1:9411/zipkin/');
    expect(urls.trace('4bf92f3577b34da6a3ce929d0e0e4736')).toBe('http://127.0.0.1:9411/zipkin/traces/4bf92f3577b34da6a3ce929d0e0e4736');
    expect(urls.traceApi('abc')).toBe('http://127.0.0.1:9411/api/v2/trace/abc');
    expect(urls.spans).toBe('http://127.0.0.1:9411/api/v2/spans');
  });

  it('reaches a wildcard bind on loopback and brackets IPv6 hosts', () => {
    expect(traceViewerUrls({ host: '0.0.0.0', port: 9411 }).ui).toBe('http://127.0.0.1:9411/zipkin/');
    expect(traceViewerUrls({ host: '::1', port: 9411 }).health).toBe('http://[::1]:9411/health');
  });
});

describe('traceExportEnvironment', () => {
  it('sets the standard OpenTelemetry variables of the Zipkin exporter', () => {
    expect(traceExportEnvironment({ host: '127.0.0.1', port: 19411 })).toEqual({
      OTEL_TRACES_EXPORTER: 'zipkin',
      OTEL_EXPORTER_ZIPKIN_ENDPOINT: 'http://127.0.0.1:19411/api/v2/spans',
    });
  });
});
