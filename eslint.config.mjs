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
  { ignores: ['**/dist/**', '**/node_modules/**', '.wirestream/**', '.nx/**', '**/jest.config.js', 'jest.*.js', 'deploy/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
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
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:contracts', 'type:infra', 'type:logic'] },
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
