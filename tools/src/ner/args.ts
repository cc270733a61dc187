import * as path from 'node:path';
import { REPO_ROOT, SHARED_DIR } from '../repo-paths';

export const CONLL_DIR = path.join(SHARED_DIR, 'data', 'conll2003');
export const TRAIN_FILE = path.join(CONLL_DIR, 'eng.train');
export const DEV_FILE = path.join(CONLL_DIR, 'eng.testa');
export const MODEL_FILE = path.join(REPO_ROOT, 'libs', 'extract', 'model', 'ner-model.bin');

/** `--name value` and `--flag` options; anything else is an error. */
export function parseArgs(argv: readonly string[], valued: readonly string[], flags: readonly string[], usage: string): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const name = arg.replace(/^--/, '');
    if (arg.startsWith('--') && flags.includes(name)) out.set(name, 'true');
    else if (arg.startsWith('--') && valued.includes(name) && i + 1 < argv.length) out.set(name, argv[++i] as string);
    else {
      console.error(usage);
      process.exit(2);
    }
  }
  return out;
}

export function numberArg(args: Map<string, string>, name: string, fallback: number): number {
  const v = args.get(name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`--${name} must be a number, got ${v}`);
  return n;
}
