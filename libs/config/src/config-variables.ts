import type { z } from 'zod';

/** One environment variable as a schema declares it: what docs/configuration.md lists. */
export interface ConfigVariable {
  name: string;
  /** As it would be written in the environment (possibly empty); undefined when there is none. */
  defaultValue: string | undefined;
  description: string;
  /** No default, and not optional: the service refuses to start without it. */
  required: boolean;
}

/**
 * Every configuration schema a service reads, for docs/configuration.md: each service's config
 * module exports one as SERVICE_CONFIGURATION. Each schema carries its section title in its zod
 * metadata (`.meta({ title })`), so a schema several services share is one section.
 */
export interface ServiceConfiguration {
  service: string;
  /** Port of its health and metrics endpoints unless HTTP_PORT says otherwise. */
  defaultHttpPort: number;
  schemas: z.ZodObject[];
}

/** The variables of a configuration schema, in declaration order. */
export function configVariables(schema: z.ZodObject): ConfigVariable[] {
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => ({
    name,
    defaultValue: variableDefault(field),
    description: field.description ?? '',
    required: !field.safeParse(undefined).success,
  }));
}

/** A variable's default, as it would be written in the environment: a good example of its value. */
export function variableDefault(field: z.ZodType): string | undefined {
  type Def = { type: string; defaultValue?: unknown; innerType?: { _zod: { def: Def } }; in?: { _zod: { def: Def } } };
  for (let def: Def | undefined = (field as unknown as { _zod: { def: Def } })._zod.def; def; def = (def.innerType ?? def.in)?._zod.def) {
    if (def.type === 'default') {
      const value = def.defaultValue;
      return value === undefined || value === null ? undefined : String(value);
    }
  }
  return undefined;
}
