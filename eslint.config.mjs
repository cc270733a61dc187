import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/**
 * Module boundaries, enforced: services may import libs; libs never import services; stage logic
 * libs (type:logic) import only contracts, never Kafka, Nest or database code (checked both by
 * project tags and by banned packages).
 */
export default tseslint.config(
  {
    ignores: [
      '**/dist/**', '**/node_modules/**', '.wirestream/**', '.nx/**', '*/**/jest.config.js',
      // deploy/ holds Kubernetes yaml and the Dockerfile; its one code project is the local infrastructure.
      'deploy/*', '!deploy/local',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    // The repository's own scripts and Jest set-up: CommonJS run by Node (type-checked by tsconfig.scripts.json).
    files: ['*.js', 'tools/scripts/**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          // The operator CLI's `fetch` runs the fetcher service's own one-shot code in process
          // (the same pollers the service runs); that entry point is the one import of an app.
          allow: ['@wirestream/fetcher/dist/fetch-once.js'],
          depConstraints: [
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
            {
              sourceTag: 'type:logic',
              onlyDependOnLibsWithTags: ['type:contracts'],
              bannedExternalImports: ['kafkajs', '@nestjs/*', 'typeorm', 'pg', '@opentelemetry/*'],
            },
            // The store applies the story rule, so it may call the one logic lib that holds it.
            { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:contracts', 'type:infra', 'domain:stories'] },
            { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:contracts', 'type:infra', 'type:logic'] },
            // The local infrastructure (broker and databases for development and tests) runs before
            // anything else is built, so it depends on nothing of ours; the harness starts it.
            { sourceTag: 'type:infra-local', onlyDependOnLibsWithTags: [] },
            // Tools: the harness (launching the pipeline locally, corpora) is shared by the demo,
            // the end-to-end tests and the benchmarks; the operator CLI may call a service's own
            // one-shot code (the fetcher's `fetch`), nothing else may import a service.
            { sourceTag: 'type:harness', onlyDependOnLibsWithTags: ['type:contracts', 'type:infra', 'type:logic', 'type:infra-local'] },
            { sourceTag: 'type:cli', onlyDependOnLibsWithTags: ['type:contracts', 'type:infra', 'type:logic', 'type:harness', 'type:service'] },
            { sourceTag: 'type:deploy-checks', onlyDependOnLibsWithTags: ['type:contracts', 'type:infra', 'type:logic', 'type:harness'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:contracts', 'type:infra', 'type:logic', 'type:harness', 'type:cli', 'type:deploy-checks'] },
            // Storage reads what the normalizer computed from the message, never recomputes it:
            // contracts are the only thing stages share.
            { sourceTag: 'stage:storage', notDependOnLibsWithTags: ['stage:normalize'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.integration-spec.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
