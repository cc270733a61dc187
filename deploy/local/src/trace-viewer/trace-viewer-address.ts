import { InfraError } from '../infra-error';

export const DEFAULT_TRACE_VIEWER_PORT = 9411;

export interface TraceViewerAddress {
  host: string;
  port: number;
}

/** The viewer's address from WIRESTREAM_TRACES_HOST / WIRESTREAM_TRACES_PORT: loopback unless configured otherwise. */
export function traceViewerAddress(hostSetting: string | undefined, portSetting: string | undefined): TraceViewerAddress {
  const host = (hostSetting ?? '').trim() || '127.0.0.1';
  const portText = (portSetting ?? '').trim();
  const port = portText === '' ? DEFAULT_TRACE_VIEWER_PORT : Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new InfraError(`WIRESTREAM_TRACES_PORT must be a port number (1–65535), got "${portSetting}".`);
  }
  return { host, port };
}

/** Where clients reach it: a wildcard bind address is reached on loopback. */
function clientHost(host: string): string {
  const reachable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return reachable.includes(':') ? `[${reachable}]` : reachable;
}

export function traceViewerBaseUrl(address: TraceViewerAddress): string {
  return `http://${clientHost(address.host)}:${address.port}`;
}

/** The URLs people and services use: the UI, one trace's page, and where spans are posted. */
export function traceViewerUrls(address: TraceViewerAddress) {
  const base = traceViewerBaseUrl(address);
  return {
    base,
    ui: `${base}/zipkin/`,
    spans: `${base}/api/v2/spans`,
    health: `${base}/health`,
    trace: (traceId: string) => `${base}/zipkin/traces/${traceId}`,
    traceApi: (traceId: string) => `${base}/api/v2/trace/${traceId}`,
  };
}

/**
 * The variables a service needs to send its spans to the viewer (the standard OpenTelemetry
 * ones, read by the SDK's Zipkin exporter).
 */
export function traceExportEnvironment(address: TraceViewerAddress): Record<string, string> {
  return { OTEL_TRACES_EXPORTER: 'zipkin', OTEL_EXPORTER_ZIPKIN_ENDPOINT: traceViewerUrls(address).spans };
}
