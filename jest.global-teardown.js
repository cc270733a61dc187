const infra = require('./deploy/local/infra.js');

module.exports = async function globalTeardown() {
  if (globalThis.__WIRESTREAM_KAFKA_STARTED_BY_TESTS__ && process.env.WIRESTREAM_KEEP_INFRA !== '1') {
    await infra.stopKafka({ log: (line) => process.stderr.write(`[test infra] ${line}\n`) });
  }
};
