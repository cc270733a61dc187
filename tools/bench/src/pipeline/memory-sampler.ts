import { readFileSync } from 'node:fs';

/** A process's resident set size in MB from /proc/<pid>/status (VmRSS); null when it cannot be read. */
export function residentMb(pid: number, readStatus = (path: string) => readFileSync(path, 'utf8')): number | null {
  let status: string;
  try {
    status = readStatus(`/proc/${pid}/status`);
  } catch {
    return null;
  }
  const kb = status.match(/^VmRSS:\s+(\d+)\s+kB$/m)?.[1];
  return kb === undefined ? null : Number(kb) / 1024;
}

/** The V8 heap in use (prom-client's `nodejs_heap_size_used_bytes`) in MB from a /metrics page; null if absent. */
export function heapUsedMb(exposition: string): number | null {
  const line = exposition.split('\n').find((row) => row.startsWith('nodejs_heap_size_used_bytes'));
  return line ? Number(line.split(' ').pop()) / (1024 * 1024) : null;
}

export interface MemoryTarget {
  /** The service it belongs to; instances of one service are reported together. */
  service: string;
  pid: number;
  metricsUrl: string;
}

export interface ServiceMemory {
  /** Steady-state RSS: the median of the samples after the first third of the run, of the largest instance. */
  rssMb: number;
  /** The largest RSS sampled. */
  rssPeakMb: number;
  /**
   * The smallest V8 heap in use sampled after the first third: the heap just after a collection,
   * which is what the process holds on to (models, caches, buffers); the rest is garbage awaiting collection.
   */
  heapAfterGcMb: number | null;
}

/**
 * Samples each instance's RSS and heap while a run goes on (every `intervalMs`), and reports per
 * service when stopped. The first third of the samples is left out of the steady state: a worker
 * that has just started is still filling its caches and compiling.
 */
export class MemorySampler {
  private readonly samples = new Map<MemoryTarget, Array<{ rss: number; heap: number | null }>>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly targets: MemoryTarget[],
    private readonly intervalMs = 2000,
  ) {
    targets.forEach((target) => this.samples.set(target, []));
  }

  start(): void {
    const sample = async () => {
      for (const target of this.targets) {
        const rss = residentMb(target.pid);
        if (rss === null) continue;
        const heap = await fetch(target.metricsUrl, { signal: AbortSignal.timeout(1500) })
          .then((response) => response.text())
          .then(heapUsedMb)
          .catch(() => null);
        this.samples.get(target)!.push({ rss, heap });
      }
    };
    void sample();
    this.timer = setInterval(() => void sample(), this.intervalMs);
  }

  stop(): Record<string, ServiceMemory> {
    if (this.timer) clearInterval(this.timer);
    return summarizeMemory([...this.samples.entries()].map(([target, samples]) => ({ service: target.service, samples })));
  }
}

export function summarizeMemory(instances: Array<{ service: string; samples: Array<{ rss: number; heap: number | null }> }>): Record<string, ServiceMemory> {
  const result: Record<string, ServiceMemory> = {};
  for (const { service, samples } of instances) {
    if (samples.length === 0) continue;
    const steady = samples.slice(Math.floor(samples.length / 3));
    const rss = steady.map((sample) => sample.rss).sort((a, b) => a - b);
    const heaps = steady.flatMap((sample) => (sample.heap === null ? [] : [sample.heap]));
    const figures: ServiceMemory = {
      rssMb: round(rss[Math.floor((rss.length - 1) / 2)]),
      rssPeakMb: round(Math.max(...samples.map((sample) => sample.rss))),
      heapAfterGcMb: heaps.length > 0 ? round(Math.min(...heaps)) : null,
    };
    const previous = result[service];
    // Several instances of one service: the largest speaks for the service (a pod's limit must fit it).
    result[service] = previous && previous.rssMb >= figures.rssMb ? previous : figures;
  }
  return result;
}

function round(value: number): number {
  return Number(value.toFixed(1));
}
