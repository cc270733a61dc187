// The tools' command-line reader, copied here while the tools are split into projects: it goes to the
// project the tools share, and this copy with it.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface CommandLine<T extends ParseArgsConfig> {
  values: ReturnType<typeof parseArgs<T>>['values'];
  positionals: string[];
  /** Prints `message` and the usage line, then exits with status 2. */
  fail(message: string): never;
  /** `--name N`: a finite number, or `fallback` when the option is absent. */
  number(name: string, fallback: number): number;
  /** `--name N`: a whole number of at least `least` (default 1), or `fallback` when the option is absent. */
  integer(name: string, fallback: number, least?: number): number;
}

/**
 * A tool's command line, read by node:util's `parseArgs` (strict: an unknown option, a missing value
 * or an argument it does not take is an error). Errors print their message and the usage line and
 * exit with status 2, as a usage error should.
 */
export function commandLine<const T extends ParseArgsConfig>(config: T, usage: string): CommandLine<T> {
  const fail = (message: string): never => {
    console.error(`${message}\n${usage}`);
    process.exit(2);
  };
  let parsed: ReturnType<typeof parseArgs<T>>;
  try {
    parsed = parseArgs(config);
  } catch (error) {
    return fail((error as Error).message);
  }
  const text = (name: string): string | undefined => {
    const value = (parsed.values as Record<string, unknown>)[name];
    return typeof value === 'string' ? value : undefined;
  };
  return {
    values: parsed.values,
    positionals: parsed.positionals,
    fail,
    number(name: string, fallback: number): number {
      const value = text(name);
      if (value === undefined) return fallback;
      const number = Number(value);
      return Number.isFinite(number) && value.trim() !== '' ? number : fail(`--${name} must be a number, got "${value}"`);
    },
    integer(name: string, fallback: number, least = 1): number {
      const value = text(name);
      if (value === undefined) return fallback;
      const number = Number(value);
      return Number.isInteger(number) && number >= least && value.trim() !== '' ? number : fail(`--${name} must be a whole number of at least ${least}, got "${value}"`);
    },
  };
}
