import { SERVICES, type ServiceName } from '@wirestream/harness';
import type { RunFigures } from './pipeline-run';

export function describeScale(scale: Partial<Record<ServiceName, number>>): string {
  return SERVICES.map((service) => `${service}=${scale[service] ?? 1}`).join(' ');
}

export function printRun(run: RunFigures): void {
  console.log(
    `\n${run.label} (${describeScale(run.scale)}${run.offeredPerSec ? `, offered ${Math.round(run.offeredPerSec)} stories/s` : ', as fast as it goes'}): ` +
      `${run.stories} stories in ${run.seconds.toFixed(1)} s = ${run.storiesPerSec.toFixed(0)} stories/s; ` +
      `latency fetch→stored p50 ${run.p50Ms} ms, p95 ${run.p95Ms} ms, p99 ${run.p99Ms} ms`,
  );
  const cpuLine = (figures: Record<string, number>) => Object.entries(figures).map(([group, ms]) => `${group} ${ms.toFixed(2)}`).join(', ');
  console.log(`  CPU ms per story: ${cpuLine(run.cpuMsPerStory)}`);
  if (run.machineCpuMsPerStory !== null) {
    const outside = run.machineCpuMsPerStory - run.cpuMsPerStory.total;
    console.log(`  whole machine: ${run.machineCpuMsPerStory.toFixed(2)} ms per story, ${outside.toFixed(2)} of it outside these groups (kernel threads, this benchmark, other processes)`);
  }
  if (run.warmupCpuMsPerStory) console.log(`  (warm-up, just started: ${cpuLine(run.warmupCpuMsPerStory)})`);
  console.log('  stage        instances  messages  busy s   msgs per busy s   GC ms per story   msgs per unit');
  for (const service of SERVICES) {
    const stage = run.stages[service];
    if (!stage) continue;
    console.log(
      `  ${service.padEnd(12)} ${String(stage.instances).padStart(9)} ${String(stage.messages).padStart(9)} ${stage.busySeconds.toFixed(1).padStart(7)} ${stage.perBusySecond > 0 ? stage.perBusySecond.toFixed(0).padStart(17) : '                -'} ${(run.stories > 0 ? (stage.gcSeconds * 1000) / run.stories : 0).toFixed(3).padStart(17)} ${stage.units > 0 ? (stage.messages / stage.units).toFixed(1).padStart(15) : '              -'}`,
    );
  }
}

export function round(value: number, scale = 10): number {
  return Math.round(value * scale) / scale;
}
