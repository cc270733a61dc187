import { readdirSync, readFileSync } from 'node:fs';

/** Linux's USER_HZ: /proc/<pid>/stat counts CPU time in ticks of 1/100 s on every architecture Node runs on. */
const TICKS_PER_SECOND = 100;

interface ProcessStat {
  pid: number;
  parentPid: number;
  command: string;
  /** utime + stime: CPU seconds of the process itself. */
  ownSeconds: number;
  /** cutime + cstime: CPU seconds of its children that have exited and been waited for. */
  reapedChildrenSeconds: number;
}

function readStat(pid: number): ProcessStat | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // The command name (field 2) is in parentheses and may hold spaces; the fields after it are plain.
  const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 4 (ppid) and 14–17 (utime, stime, cutime, cstime) of the whole line.
  const at = (field: number) => Number(fields[field - 3]);
  return {
    pid,
    parentPid: at(4),
    command,
    ownSeconds: (at(14) + at(15)) / TICKS_PER_SECOND,
    reapedChildrenSeconds: (at(16) + at(17)) / TICKS_PER_SECOND,
  };
}

function allProcesses(): ProcessStat[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  return entries
    .filter((entry) => /^\d+$/.test(entry))
    .map((entry) => readStat(Number(entry)))
    .filter((stat): stat is ProcessStat => stat !== null);
}

/**
 * CPU seconds used so far by each process tree rooted at `roots`: the root's own time, its reaped
 * children's, and every live descendant's (recursively). A child that exits moves its time into
 * its parent's reaped total once waited for, so two readings of a tree differ by exactly what the
 * tree spent between them, short-lived children (Postgres backends, autovacuum workers) included.
 * Roots that are gone count nothing.
 */
export function treeCpuSeconds(roots: number[]): number {
  const processes = allProcesses();
  const children = new Map<number, ProcessStat[]>();
  for (const stat of processes) {
    const siblings = children.get(stat.parentPid) ?? [];
    siblings.push(stat);
    children.set(stat.parentPid, siblings);
  }
  const byPid = new Map(processes.map((stat) => [stat.pid, stat]));
  const tree = (stat: ProcessStat): number =>
    stat.ownSeconds + stat.reapedChildrenSeconds + (children.get(stat.pid) ?? []).reduce((sum, child) => sum + tree(child), 0);
  return roots.reduce((sum, pid) => {
    const root = byPid.get(pid);
    return sum + (root ? tree(root) : 0);
  }, 0);
}

/**
 * The whole machine's busy CPU seconds so far, all cores together (the first line of /proc/stat:
 * user, nice, system, irq and softirq; idle and iowait are not busy, guest time is in user already,
 * and steal is time this machine did not run). Null where /proc/stat cannot be read.
 */
export function machineBusySeconds(stat = readProcStat()): number | null {
  if (stat === null) return null;
  const fields = stat.split('\n', 1)[0].trim().split(/\s+/);
  if (fields[0] !== 'cpu') return null;
  const [user, nice, system, , , irq, softirq] = fields.slice(1).map(Number);
  return (user + nice + system + irq + softirq) / TICKS_PER_SECOND;
}

function readProcStat(): string | null {
  try {
    return readFileSync('/proc/stat', 'utf8');
  } catch {
    return null;
  }
}

/** Pids of the machine's Postgres servers (postmasters): `postgres` processes whose parent is not one. */
export function postgresServerPids(): number[] {
  const processes = allProcesses();
  const byPid = new Map(processes.map((stat) => [stat.pid, stat]));
  return processes.filter((stat) => stat.command === 'postgres' && byPid.get(stat.parentPid)?.command !== 'postgres').map((stat) => stat.pid);
}

/**
 * CPU seconds each group of process trees spends over an interval (a benchmark run): read once at
 * `start()` and once at `stop()`. A group with no root processes (an external broker, a remote
 * database) is left out rather than reported as free.
 */
export class ProcessCpuMeter {
  private readonly started = new Map<string, number>();

  constructor(private readonly groups: Record<string, number[]>) {}

  start(): void {
    for (const [group, roots] of Object.entries(this.groups)) if (roots.length > 0) this.started.set(group, treeCpuSeconds(roots));
  }

  stop(): Record<string, number> {
    const used: Record<string, number> = {};
    for (const [group, before] of this.started) used[group] = treeCpuSeconds(this.groups[group]) - before;
    return used;
  }
}

/**
 * Waits until the process trees together use under `maxCores` of CPU over a `windowMs` window
 * (Postgres's autovacuum and checkpoint, the broker's log clean-up after a run), or `timeoutMs`
 * passes. Returns whether they went quiet.
 */
export async function waitUntilQuiet(roots: number[], options: { maxCores?: number; windowMs?: number; timeoutMs?: number } = {}): Promise<boolean> {
  const { maxCores = 0.05, windowMs = 1000, timeoutMs = 30_000 } = options;
  const deadline = Date.now() + timeoutMs;
  let before = treeCpuSeconds(roots);
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const now = treeCpuSeconds(roots);
    if ((now - before) / (windowMs / 1000) < maxCores) return true;
    before = now;
  }
  return false;
}
