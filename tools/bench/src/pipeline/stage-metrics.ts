import { API_SERVICE, type RunningPipeline, type ServiceName } from '@wirestream/harness';

export interface StageFigures {
  instances: number;
  messages: number;
  busySeconds: number;
  /** Messages per second of processing time, summed over instances: what the stage could do alone. */
  perBusySecond: number;
  /** Time the instances' main threads stood in garbage collection (prom-client's nodejs_gc_duration_seconds). */
  gcSeconds: number;
  /** Units of work (see wirestream_unit_messages): messages / units is the stage's mean batch. */
  units: number;
}

/** The figures read from counters, which a run's figures are the difference of. */
type StageCounter = 'messages' | 'busySeconds' | 'gcSeconds' | 'units';

/** Per stage: messages handled and processing seconds, from each instance's Prometheus metrics. */
export async function stageFigures(pipeline: RunningPipeline): Promise<Partial<Record<ServiceName, StageFigures>>> {
  const figures: Partial<Record<ServiceName, StageFigures>> = {};
  for (const instance of pipeline.instances) {
    if (instance.service === API_SERVICE) continue;
    const text = await fetch(instance.healthUrl.replace('/health/ready', '/metrics')).then((response) => response.text());
    const stage = (figures[instance.service] ??= { instances: 0, messages: 0, busySeconds: 0, perBusySecond: 0, gcSeconds: 0, units: 0 });
    stage.instances++;
    stage.messages += sumMetric(text, instance.service === 'fetcher' ? 'wirestream_messages_produced_total' : 'wirestream_messages_consumed_total');
    stage.busySeconds += sumMetric(text, 'wirestream_processing_seconds_sum');
    stage.gcSeconds += sumMetric(text, 'nodejs_gc_duration_seconds_sum');
    stage.units += sumMetric(text, 'wirestream_unit_messages_count');
  }
  for (const stage of Object.values(figures)) stage.perBusySecond = stage.busySeconds > 0 ? stage.messages / stage.busySeconds : 0;
  return figures;
}

/** Each stage's figures for what it handled between two readings of its metrics. */
export function stageFiguresSince(
  before: Partial<Record<ServiceName, StageFigures>>,
  after: Partial<Record<ServiceName, StageFigures>>,
): Partial<Record<ServiceName, StageFigures>> {
  const figures: Partial<Record<ServiceName, StageFigures>> = {};
  for (const [service, now] of Object.entries(after) as Array<[ServiceName, StageFigures]>) {
    const since = (counter: StageCounter) => now[counter] - (before[service]?.[counter] ?? 0);
    const [messages, busySeconds, gcSeconds, units] = [since('messages'), since('busySeconds'), since('gcSeconds'), since('units')];
    figures[service] = { instances: now.instances, messages, busySeconds, perBusySecond: busySeconds > 0 ? messages / busySeconds : 0, gcSeconds, units };
  }
  return figures;
}

function sumMetric(exposition: string, name: string): number {
  let total = 0;
  for (const line of exposition.split('\n')) {
    if (line.startsWith(`${name}{`) || line.startsWith(`${name} `)) total += Number(line.slice(line.lastIndexOf(' ') + 1)) || 0;
  }
  return total;
}
