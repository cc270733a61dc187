import { ensureKafka, stopKafka, type EnsuredKafka } from './broker/kafka-broker';
import { projectDatabases } from './databases/admin-connection';
import { ensureDatabases, type EnsuredDatabases } from './databases/project-databases';
import { tracesRequestedSetting } from './infra-environment';
import { defaultLog, type LogOption } from './infra-log';
import { ensureTraceViewer, stopTraceViewer, type EnsuredTraceViewer } from './trace-viewer/trace-viewer';

export interface UpOptions extends LogOption {
  /** Also start the trace viewer (default: WIRESTREAM_TRACES). */
  traces?: boolean;
}

/** Creates the project's databases if missing and starts Kafka (and, when asked, the trace viewer) if not running. */
export async function up({ log = defaultLog, traces = tracesRequestedSetting() }: UpOptions = {}): Promise<{
  kafka: EnsuredKafka;
  databases: EnsuredDatabases;
  traceViewer: EnsuredTraceViewer | null;
}> {
  // Postgres first: it fails in a second when unreachable, Kafka's first start takes much longer.
  const databases = await ensureDatabases(projectDatabases(), { log });
  const kafka = await ensureKafka({ log });
  const traceViewer = traces ? await ensureTraceViewer({ log }) : null;
  if (traceViewer) {
    const exportEnv = Object.entries(traceViewer.exportEnv).map(([name, value]) => `${name}=${value}`).join(' ');
    log(`Services export their spans to it with: ${exportEnv}`);
  }
  return { kafka, databases, traceViewer };
}

/** Stops the local broker and trace viewer this repository started; databases are kept: they hold the developer's data. */
export async function down({ log = defaultLog }: LogOption = {}): Promise<{ kafka: { stopped: boolean }; traceViewer: { stopped: boolean } }> {
  const traceViewer = await stopTraceViewer({ log });
  return { kafka: await stopKafka({ log }), traceViewer };
}
