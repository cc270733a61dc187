module.exports = async function globalTeardown() {
  if (/** @type {Record<string, unknown>} */ (globalThis).__WIRESTREAM_KAFKA_STARTED_BY_TESTS__ && process.env.WIRESTREAM_KEEP_INFRA !== '1') {
    // Built by the global setup, which started the broker this stops.
    /** @type {typeof import('./deploy/local/src/index')} */
    const infra = require(require('node:path').join(__dirname, 'deploy/local/dist/index.js'));
    await infra.stopKafka({ log: (/** @type {string} */ line) => process.stderr.write(`[test infra] ${line}\n`) });
  }
};
