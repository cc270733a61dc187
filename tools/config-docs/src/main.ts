import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIGURATION_DOC, renderConfigurationDoc } from './configuration-doc';
import { BUILT_CONFIG_MODULE, loadServiceConfigurations } from './service-configurations';

/** `npm run docs:config`: writes docs/configuration.md from the built services' configuration schemas. */
const repoRoot = path.resolve(__dirname, '..', '..', '..');
const target = path.join(repoRoot, CONFIGURATION_DOC);
writeFileSync(target, renderConfigurationDoc(loadServiceConfigurations(repoRoot, BUILT_CONFIG_MODULE)));
console.log(`docs:config: wrote ${CONFIGURATION_DOC}`);
