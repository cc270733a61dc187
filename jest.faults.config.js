// `npm run test:faults`: the fault tests (workers killed, Postgres cut off, broker restarted, poison
// messages) against real processes, the real broker and Postgres. CI runs them after `npm test`.
const path = require('node:path');
const projectConfig = require('./jest.preset');

// passWithNoTests is a run option Jest rejects inside a project; a fault run that finds no test must fail anyway.
const { passWithNoTests: _runOption, ...e2e } = projectConfig(path.join(__dirname, 'tools', 'e2e'));

module.exports = {
  projects: [{ ...e2e, displayName: 'faults', testMatch: ['<rootDir>/src/faults/**/*.fault-spec.ts'] }],
  testTimeout: 600_000,
  globalSetup: '<rootDir>/jest.global-setup.js',
  globalTeardown: '<rootDir>/jest.global-teardown.js',
};
