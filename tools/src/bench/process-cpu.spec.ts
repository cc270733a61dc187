import { spawnSync } from 'node:child_process';
import { ProcessCpuMeter, treeCpuSeconds } from './process-cpu';

/** A child process that spins for `ms` of CPU and exits (waited for, so its time is reaped into ours). */
function burnInChild(ms: number): void {
  const result = spawnSync(process.execPath, ['-e', `const end = process.cpuUsage().user + ${ms * 1000}; while (process.cpuUsage().user < end);`]);
  if (result.status !== 0) throw new Error(`child failed: ${result.stderr}`);
}

describe('treeCpuSeconds', () => {
  it("counts a child's CPU after the child has exited", () => {
    const before = treeCpuSeconds([process.pid]);
    burnInChild(400);
    const spent = treeCpuSeconds([process.pid]) - before;
    // The child's 0.4 s, less a tick of rounding, plus whatever this process spent meanwhile.
    expect(spent).toBeGreaterThanOrEqual(0.38);
  });

  it('counts nothing for a process that does not exist', () => {
    expect(treeCpuSeconds([2 ** 22 + 12345])).toBe(0);
  });
});

describe('ProcessCpuMeter', () => {
  it('reports the CPU of each group over the interval, and leaves out groups without processes', () => {
    const meter = new ProcessCpuMeter({ self: [process.pid], external: [] });
    meter.start();
    burnInChild(300);
    const used = meter.stop();
    expect(Object.keys(used)).toEqual(['self']);
    expect(used.self).toBeGreaterThanOrEqual(0.28);
  });
});
