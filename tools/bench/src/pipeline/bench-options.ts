import { commandLine, parseScale, type ServiceName } from '@wirestream/harness';
import path from 'node:path';

export const USAGE = 'bench:pipeline -- [--stories N] [--scale stage=K] [--partitions P] [--runs full,paced,scaled] [--paced-rate N] [--warmup N] [--profile DIR] [--json] [--save]';
/** Stories each pipeline run drops and waits for before it measures, by default. */
const DEFAULT_WARMUP_STORIES = 2_000;
/** Seed of the warm-up corpus: its files and articles are not the measured corpus's. */
export const WARMUP_SEED = 404;
export const BENCH_DATABASE = 'wirestream_bench';

export interface Options {
  stories: number;
  scale: Partial<Record<ServiceName, number>>;
  partitions: number;
  json: boolean;
  /** Keep the result in tools/bench/results (`--save`). */
  save: boolean;
  /** Where each service writes its CPU profile, per run (`--profile DIR`). */
  profileDir: string | null;
  runs: Set<RunName>;
  /** The paced run's offered rate (`--paced-rate`); by default half the full run's. */
  pacedRate: number | null;
  /** Stories each pipeline run drops, unmeasured, before the measured ones (`--warmup`); 0 for none. */
  warmupStories: number;
}

export const RUN_NAMES = ['full', 'paced', 'scaled'] as const;
export type RunName = (typeof RUN_NAMES)[number];

export function parseOptions(argv: string[]): Options {
  const valued = { type: 'string' } as const;
  const args = commandLine(
    {
      args: argv,
      options: {
        json: { type: 'boolean' },
        save: { type: 'boolean' },
        stories: valued,
        partitions: valued,
        scale: { type: 'string', multiple: true },
        profile: valued,
        runs: valued,
        'paced-rate': valued,
        warmup: valued,
      },
    },
    `usage: npm run ${USAGE}`,
  );
  const { values } = args;
  const scale: Partial<Record<ServiceName, number>> = {};
  for (const text of values.scale ?? []) parseScale(text, scale);
  const pacedRate = values['paced-rate'] === undefined ? null : args.integer('paced-rate', 0);
  const options: Options = {
    stories: args.integer('stories', 20_000),
    scale,
    partitions: args.integer('partitions', 6),
    json: values.json === true,
    save: values.save === true,
    profileDir: values.profile === undefined ? null : path.resolve(values.profile),
    runs: values.runs === undefined ? new Set(RUN_NAMES) : parseRuns(values.runs),
    pacedRate,
    warmupStories: args.integer('warmup', DEFAULT_WARMUP_STORIES, 0),
  };
  if (options.runs.has('paced') && !options.runs.has('full') && options.pacedRate === null) {
    args.fail('--runs: paced runs at half the rate full measured, so it needs full (or --paced-rate N)');
  }
  return options;
}

function parseRuns(text: string): Set<RunName> {
  const runs = text.split(',').filter(Boolean);
  for (const run of runs) if (!RUN_NAMES.includes(run as RunName)) throw new Error(`--runs: unknown run "${run}" (one of ${RUN_NAMES.join(', ')})`);
  return new Set(runs as RunName[]);
}
