import * as localInfraModule from '@wirestream/local-infra';
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

/**
 * The local broker and databases (deploy/local): `ensureKafka`, `stopKafka`, `kafkaStatus`,
 * `ensureDatabases`, each reading KAFKA_BROKERS, WIRESTREAM_KAFKA_PORT and DATABASE_URL when called.
 */
export function localInfra(): typeof localInfraModule {
  return localInfraModule;
}
