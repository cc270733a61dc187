// `npm run test:faults`: the fault tests (workers killed, Postgres cut off, broker restarted, poison
// messages) against real processes, the real broker and Postgres. CI runs them after `npm test`.
const path = require('node:path');
const projectConfig = require('./jest.preset');

module.exports = {
  projects: [{ ...projectConfig(path.join(__dirname, 'tools')), displayName: 'faults', testMatch: ['<rootDir>/src/faults/**/*.fault-spec.ts'] }],
  testTimeout: 600_000,
  globalSetup: '<rootDir>/jest.global-setup.js',
  globalTeardown: '<rootDir>/jest.global-teardown.js',
};
