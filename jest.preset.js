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

// Tests import our packages from source, mapped as the type check maps them (tsconfig.specs.json's
// paths, one list for both): the libs by wildcard, the projects outside libs/ that others import by
// name. A path's `*` becomes the pattern's `(.*)`, in the same order, specific names first.
const ts = require('typescript');
const specPaths = /** @type {Record<string, string[]>} */ (ts.readConfigFile(path.join(__dirname, 'tsconfig.specs.json'), ts.sys.readFile).config.compilerOptions.paths);
const SOURCE_MAPPING = Object.fromEntries(
  Object.entries(specPaths).map(([specifier, [target]]) => [
    `^${specifier.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace('*', '(.*)')}$`,
    path.join(__dirname, target.replace('*', '$1')),
  ]),
);

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
    // Tests import sibling packages from source, so they never run against a stale build.
    moduleNameMapper: SOURCE_MAPPING,
    // A project whose specs are all integration specs has no unit specs for `nx test`.
    ...(integration ? {} : { passWithNoTests: true }),
  };
};
