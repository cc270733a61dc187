import { Inject, Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { createFetcherDataSource, FetcherStateStore, runFetcherMigrations } from '@wirestream/fetcher-state';
import { Kafka, KAFKA_CONFIG, KafkaEnvSchema, KafkaModule, kafkaOptions, kafkaReadiness, type KafkaConfig } from '@wirestream/kafka';
import { ConfigModule, configProvider, HealthModule } from '@wirestream/service-kit';
import type { DataSource } from 'typeorm';
import { DocumentEmitter } from './document-emitter';
import { FETCH_STATE, InMemoryFetchState, type FetchState } from './fetch-state';
import { FETCHER_CONFIG, FetcherEnvSchema, type FetcherConfig } from './fetcher.config';
import { FileDropPoller } from './file-drop.poller';
import { configuredSources } from './configured-sources';
import { SourceRegistry } from './source-registry';
import { UrlSourcePoller } from './url-source.poller';

const STATE_DATA_SOURCE = Symbol('STATE_DATA_SOURCE');

@Module({
  imports: [
    ConfigModule.forRoot([configProvider(KAFKA_CONFIG, KafkaEnvSchema), configProvider(FETCHER_CONFIG, FetcherEnvSchema)]),
    KafkaModule.forRootAsync({ inject: [KAFKA_CONFIG], useFactory: (config: KafkaConfig) => kafkaOptions(config, 'wirestream-fetcher') }),
    HealthModule.forChecks({ inject: [Kafka], useFactory: (kafka: Kafka) => [kafkaReadiness(kafka)] }),
  ],
  providers: [
    {
      provide: SourceRegistry,
      inject: [FETCHER_CONFIG],
      useFactory: (config: FetcherConfig) => new SourceRegistry(configuredSources(config)),
    },
    {
      provide: STATE_DATA_SOURCE,
      inject: [FETCHER_CONFIG],
      useFactory: async (config: FetcherConfig): Promise<DataSource | null> => {
        if (!config.FETCHER_STATE_DATABASE_URL) return null;
        const dataSource = createFetcherDataSource(config.FETCHER_STATE_DATABASE_URL);
        await dataSource.initialize();
        if (config.FETCHER_STATE_MIGRATE_ON_START) await runFetcherMigrations(dataSource);
        return dataSource;
      },
    },
    {
      provide: FETCH_STATE,
      inject: [STATE_DATA_SOURCE],
      useFactory: (dataSource: DataSource | null): FetchState => {
        if (dataSource) return new FetcherStateStore(dataSource);
        new Logger('FetcherModule').warn('FETCHER_STATE_DATABASE_URL is not set: fetch state is kept in memory, forgotten at restart and not shared');
        return new InMemoryFetchState();
      },
    },
    DocumentEmitter,
    FileDropPoller,
    UrlSourcePoller,
  ],
})
export class FetcherModule implements OnApplicationShutdown {
  /**
   * The fetcher with an empty source registry, for `cli fetch`, which polls only the one source it
   * is given. A dynamic module's providers are registered after its decorator's, so this registry
   * replaces the configured one.
   */
  static withoutConfiguredSources(): DynamicModule {
    return { module: FetcherModule, providers: [{ provide: SourceRegistry, useFactory: () => new SourceRegistry([]) }] };
  }

  constructor(@Inject(STATE_DATA_SOURCE) private readonly stateDataSource: DataSource | null) {}

  async onApplicationShutdown(): Promise<void> {
    await this.stateDataSource?.destroy();
  }
}
