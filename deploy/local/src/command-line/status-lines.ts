import type { KafkaStatus } from '../broker/kafka-broker';
import type { DatabaseStatus } from '../databases/project-databases';
import type { TraceViewerStatus } from '../trace-viewer/trace-viewer';
import { relativeToRepo } from '../state-paths';

/** The `Kafka:` line of `status`. */
export function describeKafkaStatus(status: KafkaStatus): string {
  if (status.mode === 'external') {
    return `Kafka:    ${status.brokers} (KAFKA_BROKERS) ${status.running ? 'accepts connections' : 'is NOT reachable'}`;
  }
  if (status.running) {
    return `Kafka:    running at ${status.brokers} (pid ${status.pid}), log ${relativeToRepo(status.logFile)}`;
  }
  if (status.pid !== null) {
    return `Kafka:    starting or stopping (pid ${status.pid}), not accepting connections on ${status.brokers}`;
  }
  if (status.portInUseByOther) {
    return `Kafka:    not running; ${status.brokers} is in use by a process this checkout's \`infra:up\` did not start`;
  }
  return `Kafka:    not running (would use ${status.brokers})`;
}

/** The `Postgres:` line of `status`. */
export function describeDatabaseStatus(status: DatabaseStatus): string {
  if (!status.reachable) return `Postgres: ${status.error}`;
  const list = [...status.existing.map((name) => `${name} present`), ...status.missing.map((name) => `${name} MISSING`)];
  return `Postgres: reachable at ${status.where}; ${list.join(', ')}`;
}

/** The `Traces:` line of `status`. */
export function describeTraceViewerStatus(status: TraceViewerStatus): string {
  if (status.running && status.pid !== null) {
    return `Traces:   Zipkin at ${status.uiUrl} (pid ${status.pid}), log ${relativeToRepo(status.logFile)}`;
  }
  if (status.running) return `Traces:   a Zipkin this checkout did not start answers at ${status.uiUrl}`;
  if (status.pid !== null) return `Traces:   starting or stopping (pid ${status.pid}), not answering at ${status.uiUrl}`;
  return `Traces:   not running (\`npm run infra:up -- --traces\` starts it at ${status.uiUrl})`;
}
