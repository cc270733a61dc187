/**
 * Stanford CoreNLP for benchmarks only: resolves `edu.stanford.nlp:stanford-corenlp` and its
 * `models` classifier jar with Maven (as deploy/local resolves the broker's Kafka jars) into
 * `.wirestream/corenlp/<version>/`, with the Maven cache in `.wirestream/m2`. Nothing here is
 * shipped or imported by a service; benchmarks that compare against CoreNLP call
 * `ensureCorenlp()` in their setup and run `java` on the returned class path. The first run
 * downloads about 600 MB (the models jar is most of it); later runs find the jars in place.
 */

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { STATE_DIR } from './repo-paths';

export const CORENLP_VERSION = '4.5.10';

export interface CorenlpJars {
  readonly version: string;
  /** The folder holding CoreNLP, its models jar and their runtime dependencies. */
  readonly dir: string;
  /** A `java -cp` value that loads them all. */
  readonly classPath: string;
}

/** The pom Maven resolves CoreNLP from: the library and its models, with their runtime dependencies. */
export function corenlpPom(version: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>wirestream.bench</groupId>
  <artifactId>corenlp-peer</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>edu.stanford.nlp</groupId><artifactId>stanford-corenlp</artifactId><version>${version}</version></dependency>
    <dependency><groupId>edu.stanford.nlp</groupId><artifactId>stanford-corenlp</artifactId><version>${version}</version><classifier>models</classifier></dependency>
  </dependencies>
  <build>
    <plugins>
      <!-- Pinned so the \`dependency:\` prefix never resolves to whatever version is newest. -->
      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-dependency-plugin</artifactId><version>3.8.1</version></plugin>
    </plugins>
  </build>
</project>
`;
}

function run(command: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => resolve({ code: -1, output: error.message }));
    child.on('close', (code) => resolve({ code: code ?? -1, output }));
  });
}

function jarsIn(dir: string, version: string): boolean {
  if (!existsSync(dir)) return false;
  const files = readdirSync(dir);
  return files.includes(`stanford-corenlp-${version}.jar`) && files.includes(`stanford-corenlp-${version}-models.jar`);
}

/** CoreNLP's jars, resolved with Maven on first use; throws with Maven's last words when it cannot. */
export async function ensureCorenlp(log: (line: string) => void = console.error, version = CORENLP_VERSION): Promise<CorenlpJars> {
  const dir = path.join(STATE_DIR, 'corenlp', version);
  const libs = path.join(dir, 'lib');
  if (!jarsIn(libs, version)) {
    for (const tool of ['mvn', 'java']) {
      if (spawnSync(tool, ['-version'], { stdio: 'ignore' }).error) throw new Error(`${tool} is not installed: apt-get install maven openjdk-17-jre-headless`);
    }
    mkdirSync(dir, { recursive: true });
    const pom = path.join(dir, 'pom.xml');
    writeFileSync(pom, corenlpPom(version));
    log(`Resolving Stanford CoreNLP ${version} and its models with Maven into ${path.relative(process.cwd(), libs)} (about 600 MB, once)…`);
    const started = Date.now();
    const { code, output } = await run('mvn', ['-B', '-q', '-f', pom, `-Dmaven.repo.local=${path.join(STATE_DIR, 'm2')}`, 'dependency:copy-dependencies', `-DoutputDirectory=${libs}`, '-DincludeScope=runtime']);
    if (code !== 0 || !jarsIn(libs, version)) {
      throw new Error(`Maven could not resolve CoreNLP ${version} (exit code ${code}); it needs access to Maven Central.\n${output.split('\n').slice(-30).join('\n')}`);
    }
    log(`CoreNLP ${version} ready (${Math.round((Date.now() - started) / 1000)} s).`);
  }
  return { version, dir, classPath: path.join(libs, '*') };
}
