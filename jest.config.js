// `npm test`: every project's unit specs and integration specs, against the real broker and
// Postgres, which the global setup starts when they are not running.
const fs = require('node:fs');
const path = require('node:path');
const projectConfig = require('./jest.preset');

const projectDirs = ['libs', 'services']
  .flatMap((group) => fs.readdirSync(path.join(__dirname, group)).map((name) => path.join(__dirname, group, name)))
  .concat([path.join(__dirname, 'tools'), path.join(__dirname, 'tools', 'config-docs'), path.join(__dirname, 'e2e')])
  .filter((dir) => fs.existsSync(path.join(dir, 'package.json')));

module.exports = {
  projects: projectDirs.map((dir) => projectConfig(dir, { integration: true })),
  // Integration specs start real processes against a real broker and database.
  testTimeout: 120_000,
  globalSetup: '<rootDir>/jest.global-setup.js',
  globalTeardown: '<rootDir>/jest.global-teardown.js',
};
