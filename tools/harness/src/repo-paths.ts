import path from 'node:path';

/** The repository root (this file sits in tools/harness/src, or tools/harness/dist once built). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const STATE_DIR = path.join(REPO_ROOT, '.wirestream');
export const SHARED_DIR = process.env.WIRESTREAM_SHARED_DIR ?? path.resolve(REPO_ROOT, '..', 'shared');

/** The pipeline's workers, in the order stories flow through them. */
export const SERVICES = ['fetcher', 'normalizer', 'extractor', 'storage'] as const;
export type ServiceName = (typeof SERVICES)[number];
/** The read-only query service, started beside the workers when asked for. */
export const API_SERVICE = 'api';
export type LaunchableService = ServiceName | typeof API_SERVICE;

export function serviceEntryPoint(service: LaunchableService): string {
  return path.join(REPO_ROOT, 'services', service, 'dist', 'main.js');
}

interface LocalInfra {
  ensureKafka(options?: { log?: (line: string) => void }): Promise<{ brokers: string; startedByUs: boolean }>;
  stopKafka(options?: { log?: (line: string) => void }): Promise<{ stopped: boolean }>;
  ensureDatabases(names: string[], options?: { log?: (line: string) => void }): Promise<void>;
  /** `pid` is the broker this repository started, null for an external one. */
  kafkaStatus(): Promise<{ pid: number | null }>;
}

/** deploy/local/infra.js: plain JavaScript, so it runs before anything is built. */
export function localInfra(): LocalInfra {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(REPO_ROOT, 'deploy', 'local', 'infra.js')) as LocalInfra;
}
