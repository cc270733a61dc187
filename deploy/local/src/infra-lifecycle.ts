import { ensureKafka, stopKafka, type EnsuredKafka } from './broker/kafka-broker';
import { projectDatabases } from './databases/admin-connection';
import { ensureDatabases, type EnsuredDatabases } from './databases/project-databases';
import { defaultLog, type LogOption } from './infra-log';

/** Creates the project's databases if missing and starts Kafka if not running. */
export async function up({ log = defaultLog }: LogOption = {}): Promise<{ kafka: EnsuredKafka; databases: EnsuredDatabases }> {
  // Postgres first: it fails in a second when unreachable, Kafka's first start takes much longer.
  const databases = await ensureDatabases(projectDatabases(), { log });
  const kafka = await ensureKafka({ log });
  return { kafka, databases };
}

/** Stops the local broker this repository started; databases are kept: they hold the developer's data. */
export async function down({ log = defaultLog }: LogOption = {}): Promise<{ kafka: { stopped: boolean } }> {
  return { kafka: await stopKafka({ log }) };
}
