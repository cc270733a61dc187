import { Global, Module, type DynamicModule } from '@nestjs/common';
import { invalidConfiguration, parseConfig } from '@wirestream/config';
import type { z } from 'zod';

/** One validated group of settings under its token, e.g. `{ provide: KAFKA_CONFIG, useFactory: () => parseConfig(KafkaEnvSchema) }`. */
export interface ConfigProvider {
  provide: symbol;
  useFactory: () => unknown;
}

/** The provider of `schema`'s settings under `token`, read from the environment by parseConfig. */
export function configProvider(token: symbol, schema: z.ZodObject): ConfigProvider {
  return { provide: token, useFactory: () => parseConfig(schema) };
}

const ALL_SETTINGS = Symbol('ALL_SETTINGS');

/**
 * A service's settings as global providers, parsed when the application is created and injected
 * where needed: by consumers, and by `KafkaModule.forRootAsync` and `DatabaseModule.forRootAsync`,
 * which never read the environment. Every group is parsed before any is used, so a start refused
 * for its configuration names every wrong variable at once, whatever group it belongs to.
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(configs: ConfigProvider[]): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: ALL_SETTINGS, useFactory: () => parseAll(configs) },
        ...configs.map((config) => ({ provide: config.provide, inject: [ALL_SETTINGS], useFactory: (all: Map<symbol, unknown>) => all.get(config.provide) })),
      ],
      exports: configs.map((config) => config.provide),
    };
  }
}

function parseAll(configs: ConfigProvider[]): Map<symbol, unknown> {
  const settings = new Map<symbol, unknown>();
  const problems: string[] = [];
  for (const config of configs) {
    try {
      settings.set(config.provide, config.useFactory());
    } catch (error) {
      // parseConfig's lines, without their heading: merged under one.
      const message = (error as Error).message;
      if (!message.startsWith('Invalid configuration:\n')) throw error;
      problems.push(...message.split('\n').slice(1).map((line) => line.trim()));
    }
  }
  if (problems.length > 0) throw invalidConfiguration(problems);
  return settings;
}
