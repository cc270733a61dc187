/**
 * Every environment variable the local infrastructure reads, read when asked (not at import):
 * the test setup and the fault tests change KAFKA_BROKERS between calls.
 */

/** KAFKA_BROKERS: an external broker list; nothing is started, the first broker only has to accept TCP connections. */
export function externalBrokersSetting(): string | null {
  const value = (process.env.KAFKA_BROKERS ?? '').trim();
  return value || null;
}

/** WIRESTREAM_KAFKA_PORT: the local broker's port (its controller listens on port + 1), unparsed. */
export function kafkaPortSetting(): string | undefined {
  return process.env.WIRESTREAM_KAFKA_PORT || undefined;
}

/** DATABASE_URL: the Postgres server; databases are created through its `postgres` database. */
export function databaseUrlSetting(): string | undefined {
  return process.env.DATABASE_URL || undefined;
}

/** JAVA_HOME, preferred over PATH for `java` as Kafka's own scripts do. */
export function javaHomeSetting(): string | undefined {
  return process.env.JAVA_HOME || undefined;
}

export function executableSearchPath(): string {
  return process.env.PATH ?? '';
}

/** WIRESTREAM_TRACES_HOST / _PORT: where the local trace viewer listens (default 127.0.0.1:9411). */
export function traceViewerHostSetting(): string | undefined {
  return process.env.WIRESTREAM_TRACES_HOST || undefined;
}

export function traceViewerPortSetting(): string | undefined {
  return process.env.WIRESTREAM_TRACES_PORT || undefined;
}

/** WIRESTREAM_TRACES=1: `up` also starts the trace viewer (as `up --traces` does). */
export function tracesRequestedSetting(): boolean {
  return ['1', 'true', 'yes'].includes((process.env.WIRESTREAM_TRACES ?? '').trim().toLowerCase());
}
