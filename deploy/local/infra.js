#!/usr/bin/env node
'use strict';
/**
 * Local infrastructure for wirestream: a single-node Apache Kafka broker (KRaft mode, jars from
 * Maven Central, no Docker) and the Postgres databases.
 *
 * CLI:    node deploy/local/infra.js up|down|status|kafka:start|kafka:stop|kafka:status|db:create
 * Module: const infra = require('./deploy/local/infra.js');
 *         const { brokers } = await infra.ensureKafka({ log: console.log });
 *
 * Environment:
 *   KAFKA_BROKERS          use this (external) broker list; nothing is started, the first broker only
 *                          has to accept TCP connections
 *   WIRESTREAM_KAFKA_PORT  port of the local broker (default 9092); its controller listens on port+1
 *   DATABASE_URL           Postgres server (default postgres://postgres@127.0.0.1:5432/postgres);
 *                          databases are created through that server's `postgres` database
 *
 * State lives in <repo>/.wirestream/ (git-ignored): m2/ is the Maven cache, kafka/ holds
 * the jars, data dir, generated server.properties, cluster id, pid file and broker log.
 */

const fs = require('fs');
const path = require('path');
const net = require('net');
const crypto = require('crypto');
const { spawn } = require('child_process');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const STATE_DIR = path.join(REPO_ROOT, '.wirestream');
const KAFKA_DIR = path.join(STATE_DIR, 'kafka');

const paths = {
  mavenRepo: path.join(STATE_DIR, 'm2'),
  pom: path.join(__dirname, 'kafka', 'pom.xml'),
  log4jConfig: path.join(__dirname, 'kafka', 'log4j.properties'),
  libs: path.join(KAFKA_DIR, 'libs'),
  libsMarker: path.join(KAFKA_DIR, 'libs', '.resolved'),
  data: path.join(KAFKA_DIR, 'data'),
  serverProperties: path.join(KAFKA_DIR, 'server.properties'),
  clusterId: path.join(KAFKA_DIR, 'cluster-id'),
  pid: path.join(KAFKA_DIR, 'broker.pid'),
  log: path.join(KAFKA_DIR, 'broker.log'),
  previousLog: path.join(KAFKA_DIR, 'broker.previous.log'),
  lock: path.join(KAFKA_DIR, 'infra.lock'),
};

const LOCAL_HOST = '127.0.0.1';
const DEFAULT_KAFKA_PORT = 9092;
const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const PROJECT_DATABASES = ['wirestream', 'wirestream_test'];

const POLL_INTERVAL_MS = 250;
const READY_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 30_000;
const LOCK_STALE_MS = 3 * 60_000;
const LOCK_HEARTBEAT_MS = 30_000;
const LOCK_WAIT_TIMEOUT_MS = 5 * 60_000;
const LOG_TAIL_LINES = 40;

// Kafka's default JVM flags (bin/kafka-run-class.sh), with a smaller heap than its 512m/1g:
// the broker shares small dev and CI machines with everything else.
const BROKER_JVM_FLAGS = [
  '-Xms256m',
  '-Xmx768m',
  '-XX:+UseG1GC',
  '-XX:MaxGCPauseMillis=20',
  '-XX:InitiatingHeapOccupancyPercent=35',
  '-Djava.awt.headless=true',
];

const INSTALL_HINT =
  'Install Java 17+ (apt-get install openjdk-17-jre-headless) and Maven (apt-get install maven), ' +
  'or point KAFKA_BROKERS at a running broker';

/** An expected failure: the CLI prints its message without a stack trace. */
class InfraError extends Error {}

const defaultLog = (message) => console.log(message);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const relativeToRepo = (file) => path.relative(REPO_ROOT, file);
const secondsSince = (startMs) => ((Date.now() - startMs) / 1000).toFixed(1);

function readFileOrNull(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    if (err.code === 'ENOENT') return null;
    throw err;
  }
}

function removeFile(file) {
  fs.rmSync(file, { force: true });
}

function lastLines(text, count) {
  return text.replace(/\s+$/, '').split('\n').slice(-count).join('\n');
}

function tailOfBrokerLog() {
  const text = readFileOrNull(paths.log);
  if (!text || !text.trim()) return `(${relativeToRepo(paths.log)} is empty)`;
  return `Last lines of ${relativeToRepo(paths.log)}:\n${lastLines(text, LOG_TAIL_LINES)}`;
}

// ---------------------------------------------------------------------------------------------
// Configuration
// ---------------------------------------------------------------------------------------------

function externalBrokers() {
  const value = (process.env.KAFKA_BROKERS || '').trim();
  return value || null;
}

function localKafkaPorts() {
  const raw = process.env.WIRESTREAM_KAFKA_PORT;
  const broker = raw ? Number(raw) : DEFAULT_KAFKA_PORT;
  if (!Number.isInteger(broker) || broker < 1 || broker > 65534) {
    throw new InfraError(`WIRESTREAM_KAFKA_PORT must be a port number (1-65534), got "${raw}".`);
  }
  return { broker, controller: broker + 1 };
}

/** "host:port", "PLAINTEXT://host:port" or "[::1]:port" → { host, port }. */
function parseBrokerAddress(entry) {
  const address = entry.trim().replace(/^[a-z_]+:\/\//i, '');
  const match = address.match(/^\[([^\]]+)\](?::(\d+))?$/) || address.match(/^([^:]+)(?::(\d+))?$/);
  if (!match) throw new InfraError(`Cannot parse broker address "${entry}" in KAFKA_BROKERS (expected host:port).`);
  return { host: match[1], port: match[2] ? Number(match[2]) : DEFAULT_KAFKA_PORT };
}

function firstExternalBroker(brokers) {
  return parseBrokerAddress(brokers.split(',')[0]);
}

// ---------------------------------------------------------------------------------------------
// Processes, ports and executables
// ---------------------------------------------------------------------------------------------

function canConnect(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const finish = (connected) => {
      socket.destroy();
      resolve(connected);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

const HAS_PROC = fs.existsSync('/proc/self/cmdline');

function isProcessAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if (err.code !== 'EPERM') return false;
  }
  if (!HAS_PROC) return true;
  // A broker that is a child of this very process stays a zombie until Node reaps it.
  const stat = readFileOrNull(`/proc/${pid}/stat`);
  return stat !== null && stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
}

/** Guards against a recycled pid: only a `java … kafka.Kafka …` process counts as our broker. */
function isKafkaBrokerProcess(pid) {
  if (!HAS_PROC) return true; // no way to tell: trust the pid file
  const cmdline = readFileOrNull(`/proc/${pid}/cmdline`);
  return cmdline !== null && cmdline.split('\0').includes('kafka.Kafka');
}

function readPidFile() {
  const text = readFileOrNull(paths.pid);
  const pid = text === null ? NaN : Number(text.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** The pid of the broker this repo started, if it is still alive; null otherwise. */
function runningBrokerPid() {
  const pid = readPidFile();
  return pid !== null && isProcessAlive(pid) && isKafkaBrokerProcess(pid) ? pid : null;
}

/** The broker port the running broker was started with (its server.properties is written per start). */
function runningBrokerPort() {
  const text = readFileOrNull(paths.serverProperties) || '';
  const match = text.match(/^advertised\.listeners=PLAINTEXT:\/\/[^:\s]+:(\d+)/m);
  return match ? Number(match[1]) : null;
}

async function waitForExit(pid, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(POLL_INTERVAL_MS);
  }
  return true;
}

function isExecutableFile(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function requireExecutable(name) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (dir && isExecutableFile(path.join(dir, name))) return path.join(dir, name);
  }
  throw new InfraError(`\`${name}\` was not found on PATH. ${INSTALL_HINT}.`);
}

function javaExecutable() {
  // Same preference as Kafka's own scripts.
  const fromJavaHome = process.env.JAVA_HOME && path.join(process.env.JAVA_HOME, 'bin', 'java');
  return fromJavaHome && isExecutableFile(fromJavaHome) ? fromJavaHome : requireExecutable('java');
}

/** Runs a short-lived command and collects its combined output. */
function runCommand(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output: output.replace(/\x1b\[[0-9;]*m/g, '') }));
  });
}

// ---------------------------------------------------------------------------------------------
// Lock: one process at a time starts or stops the local broker
// ---------------------------------------------------------------------------------------------

/** Removes the lock if its owner died or it was not refreshed for LOCK_STALE_MS; true if gone. */
function removeLockIfStale() {
  let stat;
  let ownerText;
  try {
    stat = fs.statSync(paths.lock);
    ownerText = fs.readFileSync(paths.lock, 'utf8').trim();
  } catch (err) {
    if (err.code === 'ENOENT') return true;
    throw err;
  }
  const owner = Number(ownerText);
  const ownerDied = ownerText !== '' && Number.isInteger(owner) && owner > 0 && !isProcessAlive(owner);
  const expired = Date.now() - stat.mtimeMs > LOCK_STALE_MS;
  if (!ownerDied && !expired) return false;
  removeFile(paths.lock);
  return true;
}

async function withKafkaLock(log, action) {
  fs.mkdirSync(KAFKA_DIR, { recursive: true });
  const deadline = Date.now() + LOCK_WAIT_TIMEOUT_MS;
  let announcedWait = false;
  for (;;) {
    try {
      const fd = fs.openSync(paths.lock, 'wx');
      fs.writeSync(fd, `${process.pid}\n`);
      fs.closeSync(fd);
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
    }
    if (removeLockIfStale()) continue;
    if (Date.now() > deadline) {
      throw new InfraError(
        `Timed out waiting for ${relativeToRepo(paths.lock)}. If no other infra.js is running, delete that file.`,
      );
    }
    if (!announcedWait) {
      log('Another infra.js process is starting or stopping Kafka; waiting for it…');
      announcedWait = true;
    }
    await sleep(POLL_INTERVAL_MS);
  }

  // Refresh the lock while we hold it (a first Maven download can take minutes), so that
  // nobody removes it as stale.
  const heartbeat = setInterval(() => {
    const now = new Date();
    fs.utimes(paths.lock, now, now, () => {});
  }, LOCK_HEARTBEAT_MS);
  heartbeat.unref();
  try {
    return await action();
  } finally {
    clearInterval(heartbeat);
    if ((readFileOrNull(paths.lock) || '').trim() === String(process.pid)) removeFile(paths.lock);
  }
}

// ---------------------------------------------------------------------------------------------
// Kafka: jars, storage, start, stop
// ---------------------------------------------------------------------------------------------

/** What the jars folder must have been resolved from; any change to the pom resolves again. */
function expectedLibsMarker() {
  const pom = fs.readFileSync(paths.pom, 'utf8');
  const kafkaVersion = (pom.match(/<kafka\.version>\s*([^<\s]+)\s*<\/kafka\.version>/) || [])[1] || 'unknown';
  const pomHash = crypto.createHash('sha256').update(pom).digest('hex');
  return { kafkaVersion, content: `kafka ${kafkaVersion}\npom sha256 ${pomHash}\n` };
}

async function ensureKafkaJars(log) {
  const marker = expectedLibsMarker();
  if (readFileOrNull(paths.libsMarker) === marker.content) return;

  const mvn = requireExecutable('mvn');
  const started = Date.now();
  const cached = fs.existsSync(path.join(paths.mavenRepo, 'org', 'apache', 'kafka', 'kafka_2.13', marker.kafkaVersion));
  log(
    cached
      ? `Copying the Kafka ${marker.kafkaVersion} jars from the Maven cache .wirestream/m2…`
      : `Resolving the Kafka ${marker.kafkaVersion} jars with Maven (downloads ~70 MB into .wirestream/m2 once)…`,
  );
  fs.rmSync(paths.libs, { recursive: true, force: true }); // no jars of another version may linger
  const { code, output } = await runCommand(mvn, [
    '-B',
    '-q',
    '-f',
    paths.pom,
    `-Dmaven.repo.local=${paths.mavenRepo}`,
    'dependency:copy-dependencies',
    `-DoutputDirectory=${paths.libs}`,
    '-DincludeScope=runtime',
  ]);
  if (code !== 0) {
    throw new InfraError(
      `Maven could not resolve the Kafka jars (exit code ${code}); it needs access to Maven Central.\n` +
        lastLines(output, 30),
    );
  }
  const hasBrokerJar = fs.readdirSync(paths.libs).some((file) => /^kafka_2\.13-.+\.jar$/.test(file));
  if (!hasBrokerJar) throw new InfraError(`Maven finished but ${relativeToRepo(paths.libs)} has no kafka_2.13 jar.`);
  fs.writeFileSync(paths.libsMarker, marker.content);
  log(`Kafka jars ready in ${relativeToRepo(paths.libs)} (${secondsSince(started)} s).`);
}

function serverPropertiesText(ports) {
  const broker = `${LOCAL_HOST}:${ports.broker}`;
  const controller = `${LOCAL_HOST}:${ports.controller}`;
  return [
    '# Generated by deploy/local/infra.js on every start: edit that script, not this file.',
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@${controller}`,
    `listeners=PLAINTEXT://${broker},CONTROLLER://${controller}`,
    `advertised.listeners=PLAINTEXT://${broker}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    `log.dirs=${paths.data}`,
    'num.partitions=3',
    // Topics are created explicitly: auto-creation races under KRaft.
    'auto.create.topics.enable=false',
    // Single node: internal topics cannot have more than one replica.
    'offsets.topic.replication.factor=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    // Consumer groups start at once instead of waiting 3 s for more members (tests!).
    'group.initial.rebalance.delay.ms=0',
    'log.retention.hours=168',
    // One node needs few offset partitions; 50 make the first consumer group wait seconds.
    'offsets.topic.num.partitions=6',
    // A raw document may carry up to ~2 MB of text (MAX_BODY_CHARS); leave headroom for JSON.
    'message.max.bytes=8388608',
    'replica.fetch.max.bytes=8388608',
    '',
  ].join('\n');
}

function newClusterId() {
  // Same shape as `StorageTool random-uuid` (a Kafka Uuid: 16 random bytes, base64url, never
  // starting with "-"), without paying for a JVM start.
  for (;;) {
    const id = crypto.randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

function readProperty(file, key) {
  const text = readFileOrNull(file);
  const match = text && text.match(new RegExp(`^${key.replace(/\./g, '\\.')}=(.*)$`, 'm'));
  return match ? match[1].trim() : null;
}

/**
 * The cluster id belongs to the data dir: a dir formatted with one id refuses to start with
 * another. So an already formatted dir always wins over the stored id.
 */
function clusterIdForDataDir(log) {
  const formattedId = readProperty(path.join(paths.data, 'meta.properties'), 'cluster.id');
  const storedId = (readFileOrNull(paths.clusterId) || '').trim() || null;
  if (formattedId) {
    if (storedId !== formattedId) {
      if (storedId) {
        log(`Data dir is formatted with cluster id ${formattedId} (not ${storedId}); keeping the data dir's id.`);
      }
      fs.writeFileSync(paths.clusterId, `${formattedId}\n`);
    }
    const bootstrapped = fs.existsSync(path.join(paths.data, 'bootstrap.checkpoint'));
    return { clusterId: formattedId, needsFormat: !bootstrapped };
  }
  const clusterId = storedId || newClusterId();
  if (!storedId) fs.writeFileSync(paths.clusterId, `${clusterId}\n`);
  return { clusterId, needsFormat: true };
}

async function formatStorage(java, clusterId) {
  // -g: an already formatted dir is not an error.
  const { code, output } = await runCommand(java, [
    '-Xmx256m',
    `-Dlog4j.configuration=file:${paths.log4jConfig}`,
    '-cp',
    path.join(paths.libs, '*'),
    'kafka.tools.StorageTool',
    'format',
    '-t',
    clusterId,
    '-c',
    paths.serverProperties,
    '-g',
  ]);
  if (code !== 0) {
    throw new InfraError(
      `Formatting the Kafka data dir failed (exit code ${code}). If ${relativeToRepo(paths.data)} is ` +
        `damaged, delete ${relativeToRepo(KAFKA_DIR)}/data and cluster-id to start fresh.\n${lastLines(output, 30)}`,
    );
  }
}

/** Waits for the broker port; 'ready', 'exited' (process gone) or 'timeout'. */
async function waitForBrokerPort(pid, port, hasExited) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (hasExited() || !isProcessAlive(pid)) return 'exited';
    if (await canConnect(LOCAL_HOST, port)) return 'ready';
    if (Date.now() > deadline) return 'timeout';
    await sleep(POLL_INTERVAL_MS);
  }
}

async function killBroker(pid, log) {
  process.kill(pid, 'SIGTERM'); // Kafka shuts down cleanly on SIGTERM
  if (await waitForExit(pid, STOP_TIMEOUT_MS)) return;
  log(`Kafka (pid ${pid}) did not exit within ${STOP_TIMEOUT_MS / 1000} s of SIGTERM; sending SIGKILL.`);
  try {
    process.kill(pid, 'SIGKILL');
  } catch (err) {
    if (err.code !== 'ESRCH') throw err;
  }
  await waitForExit(pid, 5000);
}

async function startBroker(ports, log) {
  const java = javaExecutable();
  log(`Starting Kafka at ${LOCAL_HOST}:${ports.broker}…`);
  await ensureKafkaJars(log);

  fs.mkdirSync(paths.data, { recursive: true });
  fs.writeFileSync(paths.serverProperties, serverPropertiesText(ports));
  const { clusterId, needsFormat } = clusterIdForDataDir(log);
  if (needsFormat) {
    log(`Formatting ${relativeToRepo(paths.data)} (cluster id ${clusterId})…`);
    await formatStorage(java, clusterId);
  }

  if (fs.existsSync(paths.log)) fs.renameSync(paths.log, paths.previousLog);
  const logFd = fs.openSync(paths.log, 'a');
  const child = spawn(
    java,
    [
      ...BROKER_JVM_FLAGS,
      `-Dlog4j.configuration=file:${paths.log4jConfig}`,
      '-cp',
      path.join(paths.libs, '*'), // expanded by java itself, not by a shell
      'kafka.Kafka',
      paths.serverProperties,
    ],
    { cwd: KAFKA_DIR, detached: true, stdio: ['ignore', logFd, logFd] },
  );
  fs.closeSync(logFd);
  let exit = null;
  child.once('exit', (code, signal) => (exit = { code, signal }));
  child.once('error', (err) => (exit = { error: err }));
  child.unref(); // the broker outlives this process
  if (!child.pid) {
    await sleep(0); // let the 'error' event arrive
    throw new InfraError(`Could not start ${java}: ${exit && exit.error ? exit.error.message : 'unknown error'}`);
  }
  fs.writeFileSync(paths.pid, `${child.pid}\n`);

  const outcome = await waitForBrokerPort(child.pid, ports.broker, () => exit !== null);
  if (outcome === 'ready') return child.pid;

  const address = `${LOCAL_HOST}:${ports.broker}`;
  if (outcome === 'timeout') {
    await killBroker(child.pid, log);
    removeFile(paths.pid);
    throw new InfraError(
      `Kafka did not accept connections on ${address} within ${READY_TIMEOUT_MS / 1000} s; stopped it.\n` +
        tailOfBrokerLog(),
    );
  }
  removeFile(paths.pid);
  const how = !exit ? 'exited' : exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
  throw new InfraError(`Kafka ${how} during startup.\n${tailOfBrokerLog()}`);
}

/**
 * Makes sure a Kafka broker is reachable and returns its bootstrap address.
 * With KAFKA_BROKERS set, only checks that the first broker accepts connections.
 */
async function ensureKafka({ log = defaultLog } = {}) {
  const external = externalBrokers();
  if (external) {
    const { host, port } = firstExternalBroker(external);
    if (!(await canConnect(host, port, 3000))) {
      throw new InfraError(
        `KAFKA_BROKERS=${external}, but ${host}:${port} does not accept connections. ` +
          'Start that broker, or unset KAFKA_BROKERS to let infra.js run a local one.',
      );
    }
    log(`Using Kafka at ${external} (from KAFKA_BROKERS).`);
    return { brokers: external, startedByUs: false };
  }

  const ports = localKafkaPorts();
  const brokers = `${LOCAL_HOST}:${ports.broker}`;
  return withKafkaLock(log, async () => {
    const pid = runningBrokerPid();
    if (pid !== null) {
      const port = runningBrokerPort();
      if (port !== null && port !== ports.broker) {
        throw new InfraError(
          `The local broker (pid ${pid}) runs on port ${port}, but port ${ports.broker} was asked for. ` +
            'Run `node deploy/local/infra.js kafka:stop` first, or use the same WIRESTREAM_KAFKA_PORT.',
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
            `Try \`node deploy/local/infra.js kafka:stop\` and start again.\n${tailOfBrokerLog()}`,
        );
      }
      // It exited meanwhile: start a new one below.
    }
    if (readPidFile() !== null) {
      log(`Removing stale pid file ${relativeToRepo(paths.pid)}.`);
      removeFile(paths.pid);
    }

    if (await canConnect(LOCAL_HOST, ports.broker)) {
      throw new InfraError(
        `Port ${ports.broker} on ${LOCAL_HOST} is already in use by a process infra.js did not start. ` +
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

/** Stops the broker started by infra.js (if any); an external KAFKA_BROKERS broker is left alone. */
async function stopKafka({ log = defaultLog } = {}) {
  if (readPidFile() === null) {
    log(
      externalBrokers()
        ? 'Kafka comes from KAFKA_BROKERS and is not managed by infra.js; nothing to stop.'
        : 'Kafka is not running.',
    );
    return { stopped: false };
  }
  return withKafkaLock(log, async () => {
    const pid = readPidFile();
    if (pid === null) {
      log('Kafka is not running.');
      return { stopped: false };
    }
    if (!isProcessAlive(pid) || !isKafkaBrokerProcess(pid)) {
      removeFile(paths.pid);
      log(`Kafka is not running (removed stale pid file for pid ${pid}).`);
      return { stopped: false };
    }
    const started = Date.now();
    log(`Stopping Kafka (pid ${pid})…`);
    await killBroker(pid, log);
    removeFile(paths.pid);
    log(`Kafka stopped in ${secondsSince(started)} s.`);
    return { stopped: true };
  });
}

/**
 * { mode: 'local'|'external', brokers, running, pid, portInUseByOther }
 * `running` means accepting connections (and, locally, started by infra.js).
 */
async function kafkaStatus() {
  const external = externalBrokers();
  if (external) {
    const { host, port } = firstExternalBroker(external);
    const running = await canConnect(host, port, 3000);
    return { mode: 'external', brokers: external, running, pid: null, portInUseByOther: false };
  }
  const pid = runningBrokerPid();
  const port = (pid !== null && runningBrokerPort()) || localKafkaPorts().broker;
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

// ---------------------------------------------------------------------------------------------
// Postgres
// ---------------------------------------------------------------------------------------------

function requirePg() {
  try {
    return require('pg'); // lazily: the Kafka commands work without it
  } catch (err) {
    if (err.code === 'MODULE_NOT_FOUND' && /'pg'/.test(err.message)) {
      throw new InfraError("The 'pg' package is not installed: run `npm install` in the repo root.");
    }
    throw err;
  }
}

/**
 * The project's databases, and the one DATABASE_URL names when it names another: `infra:up` with
 * DATABASE_URL=postgres://…/newsdesk creates `newsdesk` too, so `migration:run` finds it.
 */
function projectDatabases() {
  const named = databaseNamedByUrl();
  return named && !PROJECT_DATABASES.includes(named) ? [...PROJECT_DATABASES, named] : PROJECT_DATABASES;
}

function databaseNamedByUrl() {
  if (!process.env.DATABASE_URL) return null;
  let url;
  try {
    url = new URL(process.env.DATABASE_URL);
  } catch {
    return null; // adminConnection() names the problem
  }
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  return name && name !== 'postgres' ? name : null;
}

/** The admin connection: DATABASE_URL's server, always its `postgres` database. */
function adminConnection() {
  const raw = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new InfraError('DATABASE_URL is not a valid URL (expected postgres://user[:password]@host:port/database).');
  }
  if (!/^postgres(ql)?:$/.test(url.protocol)) {
    throw new InfraError(`DATABASE_URL must start with postgres:// (got ${url.protocol}//…).`);
  }
  url.pathname = '/postgres';
  const where = `${url.hostname || 'localhost'}:${url.port || 5432}`;
  return { connectionString: url.toString(), where };
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ECONNRESET',
]);

function describeConnectError(err, where) {
  // Node reports a failed connect to a name with several addresses as an AggregateError.
  const codes = [err.code, ...(err.errors || []).map((inner) => inner.code)];
  if (codes.some((code) => UNREACHABLE_CODES.has(code)) || /timeout/i.test(err.message)) {
    return new InfraError(`Postgres not reachable at ${where} — start it, or set DATABASE_URL.`);
  }
  return new InfraError(`Could not connect to Postgres at ${where}: ${err.message} — check DATABASE_URL.`);
}

async function withAdminClient(action) {
  const { Client } = requirePg();
  const { connectionString, where } = adminConnection();
  const client = new Client({ connectionString, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => {});
    throw describeConnectError(err, where);
  }
  try {
    return await action(client, where);
  } finally {
    await client.end().catch(() => {});
  }
}

const quoteIdentifier = (name) => `"${String(name).replace(/"/g, '""')}"`;

/** Creates each missing database; never drops or alters anything. */
async function ensureDatabases(names, { log = defaultLog } = {}) {
  return withAdminClient(async (client, where) => {
    const created = [];
    const existing = [];
    for (const name of names) {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (rowCount > 0) {
        existing.push(name);
        continue;
      }
      try {
        await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
        created.push(name);
      } catch (err) {
        // Someone else created it between our check and CREATE.
        if (err.code === '42P04' || err.code === '23505') existing.push(name);
        else throw new InfraError(`Could not create database ${name} on ${where}: ${err.message}`);
      }
    }
    const summary = [...created.map((name) => `${name} (created)`), ...existing.map((name) => `${name} (exists)`)];
    log(`Postgres at ${where}: ${summary.join(', ')}.`);
    return { created, existing };
  });
}

/** { reachable, where, existing, missing, error } without creating anything. */
async function databaseStatus(names) {
  try {
    return await withAdminClient(async (client, where) => {
      const { rows } = await client.query('SELECT datname FROM pg_database WHERE datname = ANY($1)', [names]);
      const existing = rows.map((row) => row.datname);
      const missing = names.filter((name) => !existing.includes(name));
      return { reachable: true, where, existing, missing, error: null };
    });
  } catch (err) {
    if (!(err instanceof InfraError)) throw err;
    return { reachable: false, where: null, existing: [], missing: names, error: err.message };
  }
}

// ---------------------------------------------------------------------------------------------
// Everything
// ---------------------------------------------------------------------------------------------

async function up({ log = defaultLog } = {}) {
  // Postgres first: it fails in a second when unreachable, Kafka's first start takes much longer.
  const databases = await ensureDatabases(projectDatabases(), { log });
  const kafka = await ensureKafka({ log });
  return { kafka, databases };
}

async function down({ log = defaultLog } = {}) {
  // Databases are kept: they hold the developer's data.
  return { kafka: await stopKafka({ log }) };
}

// ---------------------------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------------------------

const USAGE = `Usage: node deploy/local/infra.js <command>

  up            create the databases if missing and start Kafka if not running
  down          stop the local Kafka broker (databases are kept)
  status        show Kafka and Postgres state
  kafka:start   start the local Kafka broker (or check KAFKA_BROKERS)
  kafka:stop    stop the local Kafka broker
  kafka:status  show Kafka state
  db:create     create the databases ${PROJECT_DATABASES.join(', ')} if missing

Environment: KAFKA_BROKERS (use an external broker), WIRESTREAM_KAFKA_PORT (local broker port,
default ${DEFAULT_KAFKA_PORT}; controller on port+1), DATABASE_URL (default ${DEFAULT_DATABASE_URL}).`;

function describeKafkaStatus(status) {
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
    return `Kafka:    not running; ${status.brokers} is in use by a process infra.js did not start`;
  }
  return `Kafka:    not running (would use ${status.brokers})`;
}

function describeDatabaseStatus(status) {
  if (!status.reachable) return `Postgres: ${status.error}`;
  const list = [
    ...status.existing.map((name) => `${name} present`),
    ...status.missing.map((name) => `${name} MISSING`),
  ];
  return `Postgres: reachable at ${status.where}; ${list.join(', ')}`;
}

const COMMANDS = {
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

async function main(args) {
  const [command] = args;
  if (command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return 0;
  }
  const run = COMMANDS[command];
  if (!run) {
    console.error(command ? `Unknown command "${command}".\n\n${USAGE}` : USAGE);
    return 1;
  }
  try {
    await run(defaultLog);
    return 0;
  } catch (err) {
    // One line: what failed and what to do; a stack only for what infra.js did not expect.
    console.error(err instanceof InfraError ? `infra.js ${command} failed: ${err.message}` : `infra.js ${command} failed: ${err && err.message ? err.message : err}`);
    return 1;
  }
}

module.exports = {
  ensureKafka,
  stopKafka,
  kafkaStatus,
  ensureDatabases,
  databaseStatus,
  up,
  down,
  InfraError,
  PROJECT_DATABASES,
  projectDatabases,
  paths,
};

if (require.main === module) {
  main(process.argv.slice(2)).then((exitCode) => {
    process.exitCode = exitCode;
  });
}
