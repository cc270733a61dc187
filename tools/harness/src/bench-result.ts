import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './repo-paths';

/** Where `--save` keeps each benchmark's latest result, one JSON file per benchmark, to commit with the figures it backs. */
export const BENCH_RESULTS_DIR = path.join(REPO_ROOT, 'tools', 'bench', 'results');

export interface SavedBenchResult {
  bench: string;
  /** The command that reproduces it. */
  command: string;
  measuredOn: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string };
  result: unknown;
}

/**
 * Prints a benchmark's result as its last line, one JSON object; with `save`, also writes it with
 * the command and the machine to `tools/bench/results/<bench>.json`, and returns that path.
 */
export function reportBenchResult(bench: string, result: unknown, options: { save: boolean; argv: string[]; now?: Date; dir?: string }): string | null {
  console.log(JSON.stringify(result));
  if (!options.save) return null;
  const saved: SavedBenchResult = {
    bench,
    command: ['npm run', bench, ...(options.argv.length > 0 ? ['--', ...options.argv] : [])].join(' '),
    measuredOn: (options.now ?? new Date()).toISOString().slice(0, 10),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    result,
  };
  const dir = options.dir ?? BENCH_RESULTS_DIR;
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${bench.replace(/^bench:/, '')}.json`);
  writeFileSync(file, `${JSON.stringify(saved, null, 2)}\n`);
  return file;
}
