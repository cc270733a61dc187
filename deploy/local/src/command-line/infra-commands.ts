import { DEFAULT_KAFKA_PORT } from '../broker/broker-address';
import { ensureKafka, kafkaStatus, stopKafka } from '../broker/kafka-broker';
import { DEFAULT_DATABASE_URL, PROJECT_DATABASES, projectDatabases } from '../databases/admin-connection';
import { databaseStatus, ensureDatabases } from '../databases/project-databases';
import { defaultLog, type Log } from '../infra-log';
import { errorMessage } from '../infra-error';
import { down, up } from '../infra-lifecycle';
import { CLI_COMMAND } from '../state-paths';
import { ensureTraceViewer, stopTraceViewer, traceViewerStatus } from '../trace-viewer/trace-viewer';
import { DEFAULT_TRACE_VIEWER_PORT } from '../trace-viewer/trace-viewer-address';
import { ZIPKIN_VERSION } from '../trace-viewer/zipkin-jar';
import { describeDatabaseStatus, describeKafkaStatus, describeTraceViewerStatus } from './status-lines';

export const USAGE = `Usage: ${CLI_COMMAND} <command>   (npm run infra:up|down|status builds it first)

  up [--traces] create the databases if missing and start Kafka if not running;
                with --traces (or WIRESTREAM_TRACES=1) also the trace viewer
  down          stop the local Kafka broker and trace viewer (databases are kept)
  status        show Kafka, Postgres and trace viewer state
  kafka:start   start the local Kafka broker (or check KAFKA_BROKERS)
  kafka:stop    stop the local Kafka broker
  kafka:status  show Kafka state
  db:create     create the databases ${PROJECT_DATABASES.join(', ')} if missing
  traces:start  start the trace viewer (Zipkin ${ZIPKIN_VERSION}, jar from Maven Central, spans in memory)
  traces:stop   stop the trace viewer
  traces:status show the trace viewer's state

Environment: KAFKA_BROKERS (use an external broker), WIRESTREAM_KAFKA_PORT (local broker port,
default ${DEFAULT_KAFKA_PORT}; controller on port+1), DATABASE_URL (default ${DEFAULT_DATABASE_URL}),
WIRESTREAM_TRACES_HOST and WIRESTREAM_TRACES_PORT (the trace viewer's address, default 127.0.0.1:${DEFAULT_TRACE_VIEWER_PORT}).`;

const COMMANDS: Record<string, (log: Log, options: readonly string[]) => Promise<unknown>> = {
  up: (log, options) => up({ log, ...(options.includes('--traces') ? { traces: true } : {}) }),
  down: (log) => down({ log }),
  'kafka:start': (log) => ensureKafka({ log }),
  'kafka:stop': (log) => stopKafka({ log }),
  'kafka:status': async (log) => log(describeKafkaStatus(await kafkaStatus())),
  'db:create': (log) => ensureDatabases(projectDatabases(), { log }),
  'traces:start': (log) => ensureTraceViewer({ log }),
  'traces:stop': (log) => stopTraceViewer({ log }),
  'traces:status': async (log) => log(describeTraceViewerStatus(await traceViewerStatus())),
  status: async (log) => {
    log(describeKafkaStatus(await kafkaStatus()));
    log(describeDatabaseStatus(await databaseStatus(projectDatabases())));
    log(describeTraceViewerStatus(await traceViewerStatus()));
  },
};

/** Runs one command; the exit code is 0 on success, 1 on a failure reported in one line. */
export async function runInfraCommand(args: readonly string[]): Promise<number> {
  const [command, ...options] = args;
  if (command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return 0;
  }
  const run = command !== undefined && Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!run) {
    console.error(command ? `Unknown command "${command}".\n\n${USAGE}` : USAGE);
    return 1;
  }
  try {
    const unknown = options.filter((option) => !(command === 'up' && option === '--traces'));
    if (unknown.length > 0) {
      console.error(`Unknown option "${unknown[0]}" for "${command}".\n\n${USAGE}`);
      return 1;
    }
    await run(defaultLog, options);
    return 0;
  } catch (err) {
    // One line: what failed and what to do (an InfraError's message says it).
    console.error(`infra ${command} failed: ${errorMessage(err)}`);
    return 1;
  }
}
