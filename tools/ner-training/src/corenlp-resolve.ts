/**
 * Stanford CoreNLP for the benchmarks only (never shipped or imported by the project's code): its
 * jar and its `models` jar, resolved with Maven from Maven Central into `.wirestream/corenlp/`
 * (local repository `.wirestream/m2`, as the local broker's Kafka jars are). Resolution happens
 * once, when a benchmark is asked for the CoreNLP peer; later runs find the jars in place.
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { STATE_DIR } from '@wirestream/harness';

export const CORENLP_VERSION = '4.5.10';

export interface CoreNlpJars {
  readonly version: string;
  /** Class path: the CoreNLP jar and its models jar. */
  readonly classPath: string;
}

function which(command: string): boolean {
  return spawnSync(command, ['-version'], { stdio: 'ignore' }).error === undefined;
}

/** The CoreNLP jars, resolving them with Maven first if they are not in `.wirestream/corenlp/` yet. */
export function resolveCoreNlp(log: (line: string) => void = () => undefined): CoreNlpJars {
  const dir = path.join(STATE_DIR, 'corenlp');
  const jar = path.join(dir, `stanford-corenlp-${CORENLP_VERSION}.jar`);
  const models = path.join(dir, `stanford-corenlp-${CORENLP_VERSION}-models.jar`);
  const missing = [
    [jar, `edu.stanford.nlp:stanford-corenlp:${CORENLP_VERSION}:jar`],
    [models, `edu.stanford.nlp:stanford-corenlp:${CORENLP_VERSION}:jar:models`],
  ].filter(([file]) => !existsSync(file as string));
  if (missing.length > 0) {
    if (!which('mvn')) throw new Error('the CoreNLP peer needs Maven (apt-get install maven) to resolve its jars once');
    mkdirSync(dir, { recursive: true });
    log(`resolving CoreNLP ${CORENLP_VERSION} with Maven into .wirestream/corenlp (the models jar is about 500 MB, once)…`);
    for (const [, artifact] of missing) {
      const run = spawnSync(
        'mvn',
        ['-B', '-q', `-Dmaven.repo.local=${path.join(STATE_DIR, 'm2')}`, 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy', `-Dartifact=${artifact}`, `-DoutputDirectory=${dir}`],
        { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      );
      if (run.status !== 0) throw new Error(`Maven could not resolve ${artifact} (exit ${run.status}): ${(run.stdout + run.stderr).slice(-2000)}`);
    }
  }
  if (!which('java')) throw new Error('the CoreNLP peer needs Java 8+ (apt-get install openjdk-17-jre-headless)');
  return { version: CORENLP_VERSION, classPath: [jar, models].join(path.delimiter) };
}
