import type { ServiceConfiguration } from '@wirestream/config';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Where a service's config module is: its source (under Jest, which compiles it) or its build. */
export type ConfigModuleLocation = (repoRoot: string, service: string) => string;

export const SOURCE_CONFIG_MODULE: ConfigModuleLocation = (repoRoot, service) => path.join(repoRoot, 'services', service, 'src', `${service}.config.ts`);
export const BUILT_CONFIG_MODULE: ConfigModuleLocation = (repoRoot, service) => path.join(repoRoot, 'services', service, 'dist', `${service}.config.js`);

/** Services in the order a story passes them; any other after them, by name. */
const PIPELINE_ORDER = ['fetcher', 'normalizer', 'extractor', 'storage', 'api'];

/**
 * The SERVICE_CONFIGURATION of every service (a folder of services/ with a src/main.ts), from its
 * `<service>.config.ts`. Loaded by path at run time: module boundaries let no project import a
 * service, and a service's config module is the one part of it meant to be read from outside.
 */
export function loadServiceConfigurations(repoRoot: string, locate: ConfigModuleLocation): ServiceConfiguration[] {
  const services = readdirSync(path.join(repoRoot, 'services'))
    .filter((service) => existsSync(path.join(repoRoot, 'services', service, 'src', 'main.ts')))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return services.map((service) => {
    const file = locate(repoRoot, service);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const configuration = (require(file) as { SERVICE_CONFIGURATION?: ServiceConfiguration }).SERVICE_CONFIGURATION;
    if (!configuration) throw new Error(`${path.relative(repoRoot, file)} exports no SERVICE_CONFIGURATION`);
    return configuration;
  });
}

function rank(service: string): number {
  const index = PIPELINE_ORDER.indexOf(service);
  return index === -1 ? PIPELINE_ORDER.length : index;
}
