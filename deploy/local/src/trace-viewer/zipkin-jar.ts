import fs from 'node:fs';
import type { Log } from '../infra-log';
import { InfraError } from '../infra-error';
import { lastLines } from '../file-helpers';
import { paths, relativeToRepo, traceViewerPaths } from '../state-paths';
import { requireExecutable, runCommand } from '../system-processes';
import { secondsSince } from '../timing';

/** Zipkin's server, pinned: one executable jar on Maven Central (UI and API, in-memory storage). */
export const ZIPKIN_VERSION = '3.6.1';
/** Pinned so the `dependency:` goal never resolves to whatever plugin version is newest (as in kafka/pom.xml). */
const DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1';

export function zipkinArtifact(version: string): string {
  return `io.zipkin:zipkin-server:${version}:jar:exec`;
}

/** Resolves the pinned Zipkin jar with Maven into .wirestream/zipkin once; returns its path. */
export async function ensureZipkinJar(log: Log, version = ZIPKIN_VERSION): Promise<string> {
  const jar = traceViewerPaths.jar(version);
  if (fs.existsSync(jar)) return jar;
  const mvn = requireExecutable('mvn');
  const started = Date.now();
  log(`Resolving Zipkin ${version} with Maven (one ~135 MB jar into .wirestream/m2, once)…`);
  fs.mkdirSync(traceViewerPaths.dir, { recursive: true });
  const { code, output } = await runCommand(mvn, [
    '-B',
    '-q',
    `-Dmaven.repo.local=${paths.mavenRepo}`,
    `${DEPENDENCY_PLUGIN}:copy`,
    `-Dartifact=${zipkinArtifact(version)}`,
    `-DoutputDirectory=${traceViewerPaths.dir}`,
  ]);
  if (code !== 0 || !fs.existsSync(jar)) {
    throw new InfraError(
      `Maven could not resolve ${zipkinArtifact(version)} (exit code ${code}); it needs access to Maven Central.\n` + lastLines(output, 30),
    );
  }
  log(`Zipkin jar ready in ${relativeToRepo(jar)} (${secondsSince(started)} s).`);
  return jar;
}
