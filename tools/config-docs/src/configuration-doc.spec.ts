import { configVariables } from '@wirestream/config';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CONFIGURATION_DOC, REGENERATE_COMMAND, renderConfigurationDoc } from './configuration-doc';
import { loadServiceConfigurations, SOURCE_CONFIG_MODULE } from './service-configurations';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

describe(CONFIGURATION_DOC, () => {
  const configurations = loadServiceConfigurations(REPO_ROOT, SOURCE_CONFIG_MODULE);

  it('is what the configuration schemas say now', () => {
    const current = readFileSync(path.join(REPO_ROOT, CONFIGURATION_DOC), 'utf8');
    const stale = current !== renderConfigurationDoc(configurations);
    // The message is the fix: a stale file fails with the command that regenerates it.
    expect(stale ? `${CONFIGURATION_DOC} is stale: run \`${REGENERATE_COMMAND}\` and commit it` : 'current').toBe('current');
  });

  it('describes every variable of every service', () => {
    const undescribed = configurations.flatMap(({ service, schemas }) =>
      schemas.flatMap((schema) => configVariables(schema).filter((variable) => variable.description === '').map((variable) => `${service}: ${variable.name}`)),
    );
    expect(undescribed).toEqual([]);
  });
});

describe('renderConfigurationDoc', () => {
  const kafka = z.object({ BROKERS: z.string().default('127.0.0.1:9092').describe('Bootstrap brokers | comma-separated.') }).meta({ title: 'Kafka' });
  const own = z.object({ TOKEN: z.string().describe('A secret.'), DIR: z.string().default('').describe('Empty: off.'), PORT: z.coerce.number().optional().describe('A port.') }).meta({ title: 'Fetcher' });

  it("lists each schema once, services' own first, each variable with its default and description", () => {
    const doc = renderConfigurationDoc([
      { service: 'fetcher', defaultHttpPort: 3101, schemas: [own, kafka] },
      { service: 'normalizer', defaultHttpPort: 3102, schemas: [kafka] },
    ]);
    expect(doc).toContain('| fetcher | 3101 | [Fetcher](#fetcher), [Kafka](#kafka) |');
    expect(doc.indexOf('## Fetcher')).toBeLessThan(doc.indexOf('## Kafka'));
    expect(doc).toContain('## Kafka\n\nRead by: fetcher, normalizer.');
    expect(doc).toContain('| `BROKERS` | `127.0.0.1:9092` | Bootstrap brokers \\| comma-separated. |');
    expect(doc).toContain('| `TOKEN` | required | A secret. |');
    expect(doc).toContain('| `DIR` | (empty) | Empty: off. |');
    expect(doc).toContain('| `PORT` | unset | A port. |');
  });

  it('refuses a schema without a title, naming its service', () => {
    expect(() => renderConfigurationDoc([{ service: 'api', defaultHttpPort: 3105, schemas: [z.object({ A: z.string() })] }])).toThrow(/a configuration schema of api \(A, …\) has no title/);
  });
});
