import type { KafkaStatus } from '../broker/kafka-broker';
import type { DatabaseStatus } from '../databases/project-databases';
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
