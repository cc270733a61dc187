import { Global, Logger, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { ApiKeyStore, createReadOnlyDataSource } from '@wirestream/db';
import { DataSource } from 'typeorm';
import { API_CONFIG, parseApiConfig, type ApiConfig } from './api.config';

/**
 * A read-only Postgres pool, as the API's own role (which may only SELECT and note a key's use),
 * whose sessions are read-only besides: a stray write fails twice over.
 */
@Global()
@Module({
  providers: [
    {
      provide: API_CONFIG,
      useFactory: () => {
        const config = parseApiConfig();
        new Logger('ApiAuth').log(config.API_AUTH === 'keys' ? 'API_AUTH=keys: requests need an API key' : 'API_AUTH=off: no authentication (loopback only)');
        return config;
      },
    },
    { provide: DataSource, inject: [API_CONFIG], useFactory: (config: ApiConfig) => createReadOnlyDataSource(config.API_DATABASE_URL) },
    { provide: ApiKeyStore, inject: [DataSource], useFactory: (dataSource: DataSource) => new ApiKeyStore(dataSource) },
  ],
  exports: [DataSource, API_CONFIG, ApiKeyStore],
})
export class DatabaseModule implements OnModuleInit, OnApplicationShutdown {
  constructor(private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    await this.dataSource.initialize();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
