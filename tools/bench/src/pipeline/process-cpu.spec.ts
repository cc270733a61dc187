import { spawnSync } from 'node:child_process';
import { machineBusySeconds, ProcessCpuMeter, treeCpuSeconds } from './process-cpu';

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

describe('machineBusySeconds', () => {
  it('adds up the busy fields of the all-cores line, leaving idle, iowait and steal out', () => {
    const stat = 'cpu  1000 20 300 90000 500 7 40 3 0 0\ncpu0 500 10 150 45000 250 3 20 1 0 0\n';
    expect(machineBusySeconds(stat)).toBeCloseTo((1000 + 20 + 300 + 7 + 40) / 100, 6);
  });

  it('grows by at least what a child process spends meanwhile', () => {
    const before = machineBusySeconds()!;
    burnInChild(300);
    expect(machineBusySeconds()! - before).toBeGreaterThanOrEqual(0.28);
  });

  it('is null for text that is not /proc/stat', () => {
    expect(machineBusySeconds('intr 1 2 3')).toBeNull();
  });
});
