import { existsSync, readFileSync } from 'node:fs';
import { EntityManager, type QueryRunner } from 'typeorm';

export interface StatementCost {
  statement: string;
  calls: number;
  /** CPU time of the statement's backend, in ms. */
  backendCpuMs: number;
  /** Round trip as the store saw it, in ms. */
  wallMs: number;
}

/**
 * What each kind of statement costs the Postgres server in CPU: `EntityManager.query` (which
 * ArticleStore calls for everything it sends) is wrapped so that each statement adds the CPU time
 * its backend process spent meanwhile (`/proc/<pid>/schedstat`, nanoseconds) under its first words.
 * Commits are not statements of the store's and are not counted. Only for a server on this
 * machine, whose backend processes can be read; `install` says whether they can. Each transaction
 * asks its backend's pid once, a round trip more than the store makes.
 */
export class StatementCpuMeter {
  private readonly costs = new Map<string, StatementCost>();
  private readonly backendPids = new WeakMap<QueryRunner, number>();
  private original: EntityManager['query'] | null = null;
  private paused = false;

  /** Starts measuring; false (and nothing wrapped) when the server's backends are not readable here. */
  async install(manager: EntityManager): Promise<boolean> {
    const [{ pid }]: Array<{ pid: number }> = await manager.query('SELECT pg_backend_pid() AS pid');
    // The pid is the server's own: on another host, or in a container, it may be some unrelated local process.
    if (!isLocalPostgres(pid)) return false;
    const original = (this.original = EntityManager.prototype.query);
    const backendPids = this.backendPids;
    const add = (statement: string, backendCpuMs: number, wallMs: number) => this.add(statement, backendCpuMs, wallMs);
    const isPaused = () => this.paused;
    const measured = async function (this: EntityManager, query: string, parameters?: unknown[]): Promise<unknown> {
      const runner = this.queryRunner;
      if (!runner || isPaused()) return original.call(this, query, parameters);
      let pid = backendPids.get(runner);
      if (pid === undefined) {
        const [row] = (await original.call(this, 'SELECT pg_backend_pid() AS pid')) as Array<{ pid: number }>;
        backendPids.set(runner, (pid = Number(row.pid)));
      }
      const cpuBefore = backendCpuNs(pid);
      const started = performance.now();
      const result = await original.call(this, query, parameters);
      add(statementKey(query), (backendCpuNs(pid) - cpuBefore) / 1e6, performance.now() - started);
      return result;
    };
    EntityManager.prototype.query = measured as EntityManager['query'];
    return true;
  }

  /** Runs `work` without measuring its statements (the benchmark's own, not the archive's writes). */
  async without<T>(work: () => Promise<T>): Promise<T> {
    this.paused = true;
    try {
      return await work();
    } finally {
      this.paused = false;
    }
  }

  uninstall(): void {
    if (this.original) EntityManager.prototype.query = this.original;
    this.original = null;
  }

  /** Every statement kind, the costliest first; with `since` (an earlier report), only what was spent after it. */
  report(since: StatementCost[] = []): StatementCost[] {
    const before = new Map(since.map((cost) => [cost.statement, cost]));
    return [...this.costs.values()]
      .map((cost) => {
        const earlier = before.get(cost.statement);
        return earlier
          ? { statement: cost.statement, calls: cost.calls - earlier.calls, backendCpuMs: cost.backendCpuMs - earlier.backendCpuMs, wallMs: cost.wallMs - earlier.wallMs }
          : { ...cost };
      })
      .filter((cost) => cost.calls > 0)
      .sort((a, b) => b.backendCpuMs - a.backendCpuMs);
  }

  private add(statement: string, backendCpuMs: number, wallMs: number): void {
    const cost = this.costs.get(statement) ?? { statement, calls: 0, backendCpuMs: 0, wallMs: 0 };
    cost.calls++;
    cost.backendCpuMs += backendCpuMs;
    cost.wallMs += wallMs;
    this.costs.set(statement, cost);
  }
}

/** A statement's kind: its text with white space folded, up to the first 60 characters. */
export function statementKey(query: string): string {
  return query.replace(/\s+/g, ' ').trim().slice(0, 60);
}

function schedstatPath(pid: number): string {
  return `/proc/${pid}/schedstat`;
}

/** Whether `pid` is a Postgres server process on this machine, whose CPU time can be read. */
export function isLocalPostgres(pid: number): boolean {
  try {
    return existsSync(schedstatPath(pid)) && readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
  } catch {
    return false;
  }
}

/** Time the process has run on a CPU, in ns (the first field of schedstat). */
export function backendCpuNs(pid: number): number {
  return Number(readFileSync(schedstatPath(pid), 'utf8').split(' ')[0]);
}
