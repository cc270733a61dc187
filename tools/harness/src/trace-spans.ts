/** What the trace viewer's API (Zipkin v2) says of one trace. */
export interface TraceSummary {
  traceId: string;
  spanCount: number;
  /** The services that reported spans to it, sorted. */
  services: string[];
}

interface ZipkinSpan {
  traceId: string;
  localEndpoint?: { serviceName?: string };
}

/** Reads one trace from the viewer's API; null while it has no span of it. */
export async function readTrace(traceApiUrl: string): Promise<TraceSummary | null> {
  const response = await fetch(traceApiUrl, { signal: AbortSignal.timeout(5000) });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`${traceApiUrl} answered ${response.status}`);
  const spans = (await response.json()) as ZipkinSpan[];
  if (spans.length === 0) return null;
  const services = new Set(spans.map((span) => span.localEndpoint?.serviceName).filter((name): name is string => Boolean(name)));
  return { traceId: spans[0].traceId, spanCount: spans.length, services: [...services].sort() };
}

/**
 * Waits until the trace has spans from every service named (they export in batches, a few
 * seconds apart); returns what it last read, complete or not, when `timeoutMs` passes.
 */
export async function waitForTrace(traceApiUrl: string, services: readonly string[], timeoutMs: number): Promise<TraceSummary | null> {
  const deadline = Date.now() + timeoutMs;
  let trace: TraceSummary | null = null;
  for (;;) {
    trace = await readTrace(traceApiUrl).catch(() => trace);
    if (trace && services.every((service) => trace!.services.includes(service))) return trace;
    if (Date.now() > deadline) return trace;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
