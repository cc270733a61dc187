// Shared Jest settings. A project's own jest.config.js runs its fast unit specs (`nx test <project>`);
// the root jest.config.js runs every project's unit and integration specs (`npm test`).
const path = require('node:path');

const swcTransform = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

// eld (language detection) ships only ES modules; Node ≥ 20.19 `require`s them, Jest's module
// system does not, so Jest compiles them to CommonJS like our own sources.
const esmTransform = ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'ecmascript' } }, module: { type: 'commonjs' } }];

// Projects outside libs/ that others import (tools/harness, tools/cli, tools/k8s, deploy/local), mapped to
// their sources like the libs.
const PACKAGES_OUTSIDE_LIBS = {
  ...Object.fromEntries(
    ['harness', 'cli', 'k8s'].map((name) => [`^@wirestream/${name}$`, path.join(__dirname, 'tools', name, 'src/index.ts')]),
  ),
  '^@wirestream/local-infra$': path.join(__dirname, 'deploy', 'local', 'src/index.ts'),
};

/**
 * @param {string} projectDir
 * @param {{ integration?: boolean }} [options]
 */
module.exports = function projectConfig(projectDir, { integration = false } = {}) {
  const { name } = require(path.join(projectDir, "package.json"));
  return {
    displayName: name.replace('@wirestream/', ''),
    rootDir: projectDir,
    testEnvironment: 'node',
    testMatch: integration
      ? ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.integration-spec.ts']
      : ['<rootDir>/src/**/*.spec.ts'],
    transform: { '^.+\\.ts$': swcTransform, '/node_modules/eld/.+\\.js$': esmTransform },
    transformIgnorePatterns: ['/node_modules/(?!eld/)'],
    // Tests import sibling libs from source, so they never run against a stale build.
    moduleNameMapper: {
      ...PACKAGES_OUTSIDE_LIBS,
      '^@wirestream/(.*)$': path.join(__dirname, 'libs/$1/src/index.ts'),
    },
    // A project whose specs are all integration specs has no unit specs for `nx test`.
    ...(integration ? {} : { passWithNoTests: true }),
  };
};
