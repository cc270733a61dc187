import { Global, Module, type DynamicModule } from '@nestjs/common';
import { parseConfig } from '@wirestream/config';
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

/**
 * A service's settings as global providers, each parsed when the application is created (a problem
 * stops it, naming the variable) and injected where needed: by consumers, and by
 * `KafkaModule.forRootAsync` and `DatabaseModule.forRootAsync`, which never read the environment.
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(configs: ConfigProvider[]): DynamicModule {
    return { module: ConfigModule, providers: configs, exports: configs.map((config) => config.provide) };
  }
}
