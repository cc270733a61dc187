// Integration tests need the real broker and Postgres: start them when they are not running,
// remembering whether we did, so the teardown stops only what this run started.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

/**
 * The local infrastructure is TypeScript (deploy/local): built here, so that a bare `npx jest`
 * works as `npm test` does (which has built everything already: then this check takes a second).
 */
function loadLocalInfra() {
  const tsc = require.resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-b', path.join(__dirname, 'deploy/local/tsconfig.app.json')], { stdio: 'inherit' });
  // Built just above, so not there for the type check: typed from its source instead.
  /** @type {typeof import('./deploy/local/src/index')} */
  const infra = require(path.join(__dirname, 'deploy/local/dist/index.js'));
  return infra;
}

module.exports = async function globalSetup() {
  const infra = loadLocalInfra();
  const log = (/** @type {string} */ line) => process.stderr.write(`[test infra] ${line}\n`);
  const kafka = await infra.ensureKafka({ log });
  if (!process.env.DATABASE_URL) await infra.ensureDatabases(['wirestream_test'], { log });
  process.env.KAFKA_BROKERS = kafka.brokers;
  process.env.WIRESTREAM_TEST_DATABASE_URL =
    process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/wirestream_test';
  /** @type {Record<string, unknown>} */ (globalThis).__WIRESTREAM_KAFKA_STARTED_BY_TESTS__ = kafka.startedByUs;
};
