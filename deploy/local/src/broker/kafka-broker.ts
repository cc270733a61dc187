import { defaultLog, type LogOption } from '../infra-log';
import { secondsSince } from '../timing';
import { externalBrokersSetting, kafkaPortSetting } from '../infra-environment';
import { InfraError } from '../infra-error';
import { CLI_COMMAND, paths, relativeToRepo } from '../state-paths';
import { firstExternalBroker, LOCAL_HOST, localKafkaPorts } from './broker-address';
import { withStateLock } from '../state-lock';
import {
  isKafkaBrokerProcess,
  killBroker,
  READY_TIMEOUT_MS,
  readPidFile,
  removePidFile,
  runningBrokerPid,
  runningBrokerPort,
  startBroker,
  tailOfBrokerLog,
  waitForBrokerPort,
} from './broker-process';
import { canConnect, isProcessAlive } from '../system-processes';

export interface EnsuredKafka {
  /** The bootstrap address clients use. */
  brokers: string;
  /** True only when this call started the broker: whoever started it stops it. */
  startedByUs: boolean;
}

export type KafkaStatus =
  | { mode: 'external'; brokers: string; running: boolean; pid: null; portInUseByOther: false }
  | {
      mode: 'local';
      brokers: string;
      /** Accepting connections, and started by this repository's infra. */
      running: boolean;
      /** The broker this repository started (alive), null for none. */
      pid: number | null;
      /** The port accepts connections but no broker of ours is behind it. */
      portInUseByOther: boolean;
      logFile: string;
      dataDir: string;
    };

/**
 * Makes sure a Kafka broker is reachable and returns its bootstrap address.
 * With KAFKA_BROKERS set, only checks that the first broker accepts connections.
 */
export async function ensureKafka({ log = defaultLog }: LogOption = {}): Promise<EnsuredKafka> {
  const external = externalBrokersSetting();
  if (external) {
    const { host, port } = firstExternalBroker(external);
    if (!(await canConnect(host, port, 3000))) {
      throw new InfraError(
        `KAFKA_BROKERS=${external}, but ${host}:${port} does not accept connections. ` +
          'Start that broker, or unset KAFKA_BROKERS to let `infra:up` run a local one.',
      );
    }
    log(`Using Kafka at ${external} (from KAFKA_BROKERS).`);
    return { brokers: external, startedByUs: false };
  }

  const ports = localKafkaPorts(kafkaPortSetting());
  const brokers = `${LOCAL_HOST}:${ports.broker}`;
  return withStateLock(paths.lock, 'Kafka', log, async () => {
    const pid = runningBrokerPid();
    if (pid !== null) {
      const port = runningBrokerPort();
      if (port !== null && port !== ports.broker) {
        throw new InfraError(
          `The local broker (pid ${pid}) runs on port ${port}, but port ${ports.broker} was asked for. ` +
            `Run \`${CLI_COMMAND} kafka:stop\` first, or use the same WIRESTREAM_KAFKA_PORT.`,
        );
      }
      if (await canConnect(LOCAL_HOST, ports.broker)) {
        log(`Kafka is already running at ${brokers} (pid ${pid}).`);
        return { brokers, startedByUs: false };
      }
      // Alive but not listening: still starting (its starter died) or shutting down.
      log(`Kafka (pid ${pid}) is running but not accepting connections yet; waiting…`);
      const outcome = await waitForBrokerPort(pid, ports.broker, () => false);
      if (outcome === 'ready') {
        log(`Kafka is running at ${brokers} (pid ${pid}).`);
        return { brokers, startedByUs: false };
      }
      if (outcome === 'timeout') {
        throw new InfraError(
          `Kafka (pid ${pid}) has not accepted connections on ${brokers} for ${READY_TIMEOUT_MS / 1000} s. ` +
            `Try \`${CLI_COMMAND} kafka:stop\` and start again.\n${tailOfBrokerLog()}`,
        );
      }
      // It exited meanwhile: start a new one below.
    }
    if (readPidFile() !== null) {
      log(`Removing stale pid file ${relativeToRepo(paths.pid)}.`);
      removePidFile();
    }

    if (await canConnect(LOCAL_HOST, ports.broker)) {
      throw new InfraError(
        `Port ${ports.broker} on ${LOCAL_HOST} is already in use by a process this checkout's \`infra:up\` did not start. ` +
          'Stop it, or set WIRESTREAM_KAFKA_PORT to a free port (the controller uses port+1), or, ' +
          `if it is a Kafka broker you want to use, set KAFKA_BROKERS=${brokers}.`,
      );
    }
    if (await canConnect(LOCAL_HOST, ports.controller)) {
      throw new InfraError(
        `Port ${ports.controller} on ${LOCAL_HOST} (the local controller port, broker port + 1) is already in use. ` +
          'Set WIRESTREAM_KAFKA_PORT to a port whose next port is free too, or set KAFKA_BROKERS.',
      );
    }

    const started = Date.now();
    const newPid = await startBroker(ports, log);
    log(`Kafka started at ${brokers} (pid ${newPid}) in ${secondsSince(started)} s. Log: ${relativeToRepo(paths.log)}`);
    return { brokers, startedByUs: true };
  });
}

/**
 * Stops the broker this repository's pid file names (if any). A broker it did not start — an
 * external KAFKA_BROKERS one, or another checkout's on the same port — is left alone.
 */
export async function stopKafka({ log = defaultLog }: LogOption = {}): Promise<{ stopped: boolean }> {
  if (readPidFile() === null) {
    log(
      externalBrokersSetting()
        ? 'Kafka comes from KAFKA_BROKERS and is not managed by `infra:up`; nothing to stop.'
        : 'Kafka is not running.',
    );
    return { stopped: false };
  }
  return withStateLock(paths.lock, 'Kafka', log, async () => {
    const pid = readPidFile();
    if (pid === null) {
      log('Kafka is not running.');
      return { stopped: false };
    }
    if (!isProcessAlive(pid) || !isKafkaBrokerProcess(pid)) {
      removePidFile();
      log(`Kafka is not running (removed stale pid file for pid ${pid}).`);
      return { stopped: false };
    }
    const started = Date.now();
    log(`Stopping Kafka (pid ${pid})…`);
    await killBroker(pid, log);
    removePidFile();
    log(`Kafka stopped in ${secondsSince(started)} s.`);
    return { stopped: true };
  });
}

/** Where Kafka is and whether it accepts connections; starts and stops nothing. */
export async function kafkaStatus(): Promise<KafkaStatus> {
  const external = externalBrokersSetting();
  if (external) {
    const { host, port } = firstExternalBroker(external);
    const running = await canConnect(host, port, 3000);
    return { mode: 'external', brokers: external, running, pid: null, portInUseByOther: false };
  }
  const pid = runningBrokerPid();
  const port = (pid !== null && runningBrokerPort()) || localKafkaPorts(kafkaPortSetting()).broker;
  const portOpen = await canConnect(LOCAL_HOST, port);
  return {
    mode: 'local',
    brokers: `${LOCAL_HOST}:${port}`,
    running: pid !== null && portOpen,
    pid,
    portInUseByOther: pid === null && portOpen,
    logFile: paths.log,
    dataDir: paths.data,
  };
}
