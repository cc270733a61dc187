import { configVariables, type ConfigVariable, type ServiceConfiguration } from '@wirestream/config';
import type { z } from 'zod';

export const CONFIGURATION_DOC = 'docs/configuration.md';
export const REGENERATE_COMMAND = 'npm run docs:config';

interface Section {
  title: string;
  schema: z.ZodObject;
  services: string[];
}

/**
 * docs/configuration.md: one section per configuration schema, with every variable, its default
 * and its description as the schema declares them; a schema several services read (Kafka's, the
 * health endpoints') is one section naming them all. Services' own settings come first.
 */
export function renderConfigurationDoc(configurations: ServiceConfiguration[]): string {
  const sections = sectionsOf(configurations);
  const lines = [
    '# Configuration',
    '',
    `<!-- Generated from the services' configuration schemas by \`${REGENERATE_COMMAND}\`: edit the schemas' descriptions, not this file. -->`,
    '',
    'Every service reads its settings from the environment, checks them all when it starts, and refuses',
    'to start naming each variable that is wrong. Any variable may instead be given as a file:',
    '`NAME_FILE=/path` reads `NAME` from that file (less one trailing newline), the way Kubernetes and',
    'Docker mount secrets; setting both is an error. Use it for `ADMIN_TOKEN`, `API_DATABASE_URL`,',
    '`DATABASE_URL`, `FETCHER_STATE_DATABASE_URL` and `KAFKA_SASL_PASSWORD`.',
    '',
    '| service | health port | settings |',
    '|---|---|---|',
    ...configurations.map(
      (configuration) =>
        `| ${configuration.service} | ${configuration.defaultHttpPort} | ${sections
          .filter((section) => section.services.includes(configuration.service))
          .map((section) => `[${section.title}](#${anchorOf(section.title)})`)
          .join(', ')} |`,
    ),
  ];
  for (const section of sections) {
    lines.push('', `## ${section.title}`, '', `Read by: ${section.services.join(', ')}.`, '', '| variable | default | description |', '|---|---|---|');
    lines.push(...configVariables(section.schema).map((variable) => `| \`${variable.name}\` | ${defaultCell(variable)} | ${tableText(variable.description)} |`));
  }
  return `${lines.join('\n')}\n`;
}

/** Each schema once, titled by its metadata, with the services that read it: one service's first. */
function sectionsOf(configurations: ServiceConfiguration[]): Section[] {
  const sections = new Map<z.ZodObject, Section>();
  for (const { service, schemas } of configurations) {
    for (const schema of schemas) {
      const title = (schema.meta() as { title?: string } | undefined)?.title;
      if (!title) throw new Error(`a configuration schema of ${service} (${Object.keys(schema.shape).slice(0, 3).join(', ')}, …) has no title: give it .meta({ title })`);
      const section = sections.get(schema) ?? { title, schema, services: [] };
      section.services.push(service);
      sections.set(schema, section);
    }
  }
  const all = [...sections.values()];
  const titles = all.map((section) => section.title);
  const repeated = titles.find((title, index) => titles.indexOf(title) !== index);
  if (repeated) throw new Error(`two configuration schemas are both titled "${repeated}"`);
  return [...all.filter((section) => section.services.length === 1), ...all.filter((section) => section.services.length > 1)];
}

function defaultCell(variable: ConfigVariable): string {
  if (variable.defaultValue === undefined) return variable.required ? 'required' : 'unset';
  return variable.defaultValue === '' ? '(empty)' : `\`${variable.defaultValue}\``;
}

/** One table cell: no line breaks, no unescaped column separators. */
function tableText(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
}

/** The anchor GitHub gives a heading. */
function anchorOf(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-');
}
