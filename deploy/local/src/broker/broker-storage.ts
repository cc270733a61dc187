import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { lastLines, readFileOrNull } from '../file-helpers';
import type { Log } from '../infra-log';
import { InfraError } from '../infra-error';
import { KAFKA_DIR, paths, relativeToRepo } from '../state-paths';
import { propertyValue } from './server-properties';
import { runCommand } from '../system-processes';

/**
 * Same shape as `StorageTool random-uuid` (a Kafka Uuid: 16 random bytes, base64url, never
 * starting with "-"), without paying for a JVM start.
 */
export function newClusterId(): string {
  for (;;) {
    const id = crypto.randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

/**
 * The cluster id belongs to the data dir: a dir formatted with one id refuses to start with
 * another. So an already formatted dir always wins over the stored id.
 */
export function clusterIdForDataDir(log: Log): { clusterId: string; needsFormat: boolean } {
  const formattedId = propertyValue(readFileOrNull(path.join(paths.data, 'meta.properties')), 'cluster.id');
  const storedId = (readFileOrNull(paths.clusterId) ?? '').trim() || null;
  if (formattedId) {
    if (storedId !== formattedId) {
      if (storedId) {
        log(`Data dir is formatted with cluster id ${formattedId} (not ${storedId}); keeping the data dir's id.`);
      }
      fs.writeFileSync(paths.clusterId, `${formattedId}\n`);
    }
    const bootstrapped = fs.existsSync(path.join(paths.data, 'bootstrap.checkpoint'));
    return { clusterId: formattedId, needsFormat: !bootstrapped };
  }
  const clusterId = storedId ?? newClusterId();
  if (!storedId) fs.writeFileSync(paths.clusterId, `${clusterId}\n`);
  return { clusterId, needsFormat: true };
}

export async function formatStorage(java: string, clusterId: string): Promise<void> {
  // -g: an already formatted dir is not an error.
  const { code, output } = await runCommand(java, [
    '-Xmx256m',
    `-Dlog4j.configuration=file:${paths.log4jConfig}`,
    '-cp',
    path.join(paths.libs, '*'),
    'kafka.tools.StorageTool',
    'format',
    '-t',
    clusterId,
    '-c',
    paths.serverProperties,
    '-g',
  ]);
  if (code !== 0) {
    throw new InfraError(
      `Formatting the Kafka data dir failed (exit code ${code}). If ${relativeToRepo(paths.data)} is ` +
        `damaged, delete ${relativeToRepo(KAFKA_DIR)}/data and cluster-id to start fresh.\n${lastLines(output, 30)}`,
    );
  }
}
