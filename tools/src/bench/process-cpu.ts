import { readdirSync, readFileSync } from 'node:fs';

/** Linux's USER_HZ: /proc/<pid>/stat counts CPU time in ticks of 1/100 s on every architecture Node runs on. */
const TICKS_PER_SECOND = 100;

/** User plus system CPU seconds a process has used, from /proc; null when it is gone (or there is no /proc). */
export function processCpuSeconds(pid: number): number | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // The command name (field 2) is in parentheses and may hold spaces; fields after it are plain.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the whole line, so 11 and 12 after the name and state.
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** Pids of running processes whose command name (/proc/<pid>/comm) is `name`, e.g. every Postgres backend. */
export function pidsNamed(name: string): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const pids: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === name) pids.push(Number(entry));
    } catch {
      // gone between the listing and the read
    }
  }
  return pids;
}

/**
 * CPU seconds used by groups of processes over an interval (a benchmark run). Processes come and
 * go (Postgres forks a backend per connection), so the sampler reads every group's pids every
 * `intervalMs` and counts, per pid, the CPU from its first sighting (or from zero for a pid born
 * during the interval) to its last: a pid that exits loses at most one interval's CPU.
 */
export class ProcessCpuSampler {
  private readonly firstSeen = new Map<string, Map<number, number>>();
  private readonly lastSeen = new Map<string, Map<number, number>>();
  private timer: NodeJS.Timeout | null = null;
  private started = false;

  constructor(
    /** Group name → the pids that belong to it now (called at every sample). */
    private readonly groups: () => Record<string, number[]>,
    private readonly intervalMs = 500,
  ) {}

  start(): void {
    this.sample();
    this.started = true;
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
  }

  /** Takes a last sample and returns CPU seconds per group. */
  stop(): Record<string, number> {
    if (this.timer) clearInterval(this.timer);
    this.sample();
    const totals: Record<string, number> = {};
    for (const [group, last] of this.lastSeen) {
      const first = this.firstSeen.get(group) ?? new Map<number, number>();
      let seconds = 0;
      for (const [pid, cpu] of last) seconds += cpu - (first.get(pid) ?? 0);
      totals[group] = seconds;
    }
    return totals;
  }

  private sample(): void {
    for (const [group, pids] of Object.entries(this.groups())) {
      const first = getOrCreate(this.firstSeen, group);
      const last = getOrCreate(this.lastSeen, group);
      for (const pid of pids) {
        const cpu = processCpuSeconds(pid);
        if (cpu === null) continue;
        // A pid seen in the first sample counts from there; one born later counts from zero.
        if (!this.started && !first.has(pid)) first.set(pid, cpu);
        last.set(pid, cpu);
      }
    }
  }
}

function getOrCreate<K, V>(map: Map<string, Map<K, V>>, key: string): Map<K, V> {
  let inner = map.get(key);
  if (!inner) map.set(key, (inner = new Map<K, V>()));
  return inner;
}
