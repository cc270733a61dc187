import path from 'node:path';

/** deploy/local/src or deploy/local/dist → the repository root. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
/** Git-ignored state: m2/ is the Maven cache, kafka/ the jars, data dir, pid file and broker log. */
export const STATE_DIR = path.join(REPO_ROOT, '.wirestream');
export const KAFKA_DIR = path.join(STATE_DIR, 'kafka');
/** The pinned Maven project and the log configuration, beside the sources (read, never built). */
const KAFKA_CONFIG_DIR = path.resolve(__dirname, '..', 'kafka');

export const paths = {
  mavenRepo: path.join(STATE_DIR, 'm2'),
  pom: path.join(KAFKA_CONFIG_DIR, 'pom.xml'),
  log4jConfig: path.join(KAFKA_CONFIG_DIR, 'log4j.properties'),
  libs: path.join(KAFKA_DIR, 'libs'),
  libsMarker: path.join(KAFKA_DIR, 'libs', '.resolved'),
  data: path.join(KAFKA_DIR, 'data'),
  serverProperties: path.join(KAFKA_DIR, 'server.properties'),
  clusterId: path.join(KAFKA_DIR, 'cluster-id'),
  pid: path.join(KAFKA_DIR, 'broker.pid'),
  log: path.join(KAFKA_DIR, 'broker.log'),
  previousLog: path.join(KAFKA_DIR, 'broker.previous.log'),
  lock: path.join(KAFKA_DIR, 'infra.lock'),
} as const;

export const TRACE_VIEWER_DIR = path.join(STATE_DIR, 'zipkin');

/** The trace viewer's jar (its version in the name), pid file, log and lock. */
export const traceViewerPaths = {
  dir: TRACE_VIEWER_DIR,
  pid: path.join(TRACE_VIEWER_DIR, 'zipkin.pid'),
  log: path.join(TRACE_VIEWER_DIR, 'zipkin.log'),
  lock: path.join(TRACE_VIEWER_DIR, 'infra.lock'),
  jar: (version: string) => path.join(TRACE_VIEWER_DIR, `zipkin-server-${version}-exec.jar`),
} as const;

export const relativeToRepo = (file: string): string => path.relative(REPO_ROOT, file);

/** How messages name the command line, for advice such as "run … kafka:stop". */
export const CLI_COMMAND = 'node deploy/local/dist/cli.js';
