import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIGURATION_DOC, README, renderConfigurationDoc, renderReadmeTable, withReadmeTable } from './configuration-doc';
import { BUILT_CONFIG_MODULE, loadServiceConfigurations } from './service-configurations';

/** `npm run docs:config`: writes docs/configuration.md and the README's configuration table from the built services' configuration schemas. */
const repoRoot = path.resolve(__dirname, '..', '..', '..');
const target = path.join(repoRoot, CONFIGURATION_DOC);
const configurations = loadServiceConfigurations(repoRoot, BUILT_CONFIG_MODULE);
writeFileSync(target, renderConfigurationDoc(configurations));
const readme = path.join(repoRoot, README);
writeFileSync(readme, withReadmeTable(readFileSync(readme, 'utf8'), renderReadmeTable(configurations)));
console.log(`docs:config: wrote ${CONFIGURATION_DOC} and the configuration table of ${README}`);
