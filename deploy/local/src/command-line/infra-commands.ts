import { DEFAULT_KAFKA_PORT } from '../broker/broker-address';
import { ensureKafka, kafkaStatus, stopKafka } from '../broker/kafka-broker';
import { DEFAULT_DATABASE_URL, PROJECT_DATABASES, projectDatabases } from '../databases/admin-connection';
import { databaseStatus, ensureDatabases } from '../databases/project-databases';
import { defaultLog, type Log } from '../infra-log';
import { errorMessage } from '../infra-error';
import { down, up } from '../infra-lifecycle';
import { CLI_COMMAND } from '../state-paths';
import { describeDatabaseStatus, describeKafkaStatus } from './status-lines';

export const USAGE = `Usage: ${CLI_COMMAND} <command>   (npm run infra:up|down|status builds it first)

  up            create the databases if missing and start Kafka if not running
  down          stop the local Kafka broker (databases are kept)
  status        show Kafka and Postgres state
  kafka:start   start the local Kafka broker (or check KAFKA_BROKERS)
  kafka:stop    stop the local Kafka broker
  kafka:status  show Kafka state
  db:create     create the databases ${PROJECT_DATABASES.join(', ')} if missing

Environment: KAFKA_BROKERS (use an external broker), WIRESTREAM_KAFKA_PORT (local broker port,
default ${DEFAULT_KAFKA_PORT}; controller on port+1), DATABASE_URL (default ${DEFAULT_DATABASE_URL}).`;

const COMMANDS: Record<string, (log: Log) => Promise<unknown>> = {
  up: (log) => up({ log }),
  down: (log) => down({ log }),
  'kafka:start': (log) => ensureKafka({ log }),
  'kafka:stop': (log) => stopKafka({ log }),
  'kafka:status': async (log) => log(describeKafkaStatus(await kafkaStatus())),
  'db:create': (log) => ensureDatabases(projectDatabases(), { log }),
  status: async (log) => {
    log(describeKafkaStatus(await kafkaStatus()));
    log(describeDatabaseStatus(await databaseStatus(projectDatabases())));
  },
};

/** Runs one command; the exit code is 0 on success, 1 on a failure reported in one line. */
export async function runInfraCommand(args: readonly string[]): Promise<number> {
  const [command] = args;
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
    await run(defaultLog);
    return 0;
  } catch (err) {
    // One line: what failed and what to do (an InfraError's message says it).
    console.error(`infra ${command} failed: ${errorMessage(err)}`);
    return 1;
  }
}
