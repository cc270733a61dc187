import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { lastLines, readFileOrNull } from '../file-helpers';
import type { Log } from '../infra-log';
import { secondsSince } from '../timing';
import { InfraError } from '../infra-error';
import { paths, relativeToRepo } from '../state-paths';
import { requireExecutable, runCommand } from '../system-processes';

export interface LibsMarker {
  kafkaVersion: string;
  /** What the jars folder's marker file holds once resolved from this pom. */
  content: string;
}

/** What the jars folder must have been resolved from; any change to the pom resolves again. */
export function libsMarkerFor(pom: string): LibsMarker {
  const kafkaVersion = pom.match(/<kafka\.version>\s*([^<\s]+)\s*<\/kafka\.version>/)?.[1] ?? 'unknown';
  const pomHash = crypto.createHash('sha256').update(pom).digest('hex');
  return { kafkaVersion, content: `kafka ${kafkaVersion}\npom sha256 ${pomHash}\n` };
}

/** Resolves the broker's jars with Maven into the state dir, unless the pom has not changed since. */
export async function ensureKafkaJars(log: Log): Promise<void> {
  const marker = libsMarkerFor(fs.readFileSync(paths.pom, 'utf8'));
  if (readFileOrNull(paths.libsMarker) === marker.content) return;

  const mvn = requireExecutable('mvn');
  const started = Date.now();
  const cached = fs.existsSync(path.join(paths.mavenRepo, 'org', 'apache', 'kafka', 'kafka_2.13', marker.kafkaVersion));
  log(
    cached
      ? `Copying the Kafka ${marker.kafkaVersion} jars from the Maven cache .wirestream/m2…`
      : `Resolving the Kafka ${marker.kafkaVersion} jars with Maven (downloads ~70 MB into .wirestream/m2 once)…`,
  );
  fs.rmSync(paths.libs, { recursive: true, force: true }); // no jars of another version may linger
  const { code, output } = await runCommand(mvn, [
    '-B',
    '-q',
    '-f',
    paths.pom,
    `-Dmaven.repo.local=${paths.mavenRepo}`,
    'dependency:copy-dependencies',
    `-DoutputDirectory=${paths.libs}`,
    '-DincludeScope=runtime',
  ]);
  if (code !== 0) {
    throw new InfraError(
      `Maven could not resolve the Kafka jars (exit code ${code}); it needs access to Maven Central.\n` +
        lastLines(output, 30),
    );
  }
  const hasBrokerJar = fs.readdirSync(paths.libs).some((file) => /^kafka_2\.13-.+\.jar$/.test(file));
  if (!hasBrokerJar) throw new InfraError(`Maven finished but ${relativeToRepo(paths.libs)} has no kafka_2.13 jar.`);
  fs.writeFileSync(paths.libsMarker, marker.content);
  log(`Kafka jars ready in ${relativeToRepo(paths.libs)} (${secondsSince(started)} s).`);
}
