/**
 * Local infrastructure for wirestream: a single-node Apache Kafka broker (KRaft mode, jars from
 * Maven Central, no Docker) and the Postgres databases. State lives in <repo>/.wirestream/.
 *
 * Environment (read at each call): KAFKA_BROKERS (an external broker; nothing is started),
 * WIRESTREAM_KAFKA_PORT (the local broker's port, default 9092; controller on port+1),
 * DATABASE_URL (the Postgres server, default postgres://postgres@127.0.0.1:5432/postgres).
 */
export { ensureKafka, kafkaStatus, stopKafka, type EnsuredKafka, type KafkaStatus } from './broker/kafka-broker';
export { PROJECT_DATABASES, projectDatabases } from './databases/admin-connection';
export { databaseStatus, ensureDatabases, type DatabaseStatus, type EnsuredDatabases } from './databases/project-databases';
export type { Log, LogOption } from './infra-log';
export { InfraError } from './infra-error';
export { down, up } from './infra-lifecycle';
export { paths } from './state-paths';
export { ensureTraceViewer, stopTraceViewer, traceViewerStatus, type EnsuredTraceViewer, type TraceViewerStatus } from './trace-viewer/trace-viewer';
export { traceExportEnvironment, traceViewerAddress, traceViewerUrls } from './trace-viewer/trace-viewer-address';
export { ZIPKIN_VERSION } from './trace-viewer/zipkin-jar';
