import { Global, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { createReadOnlyDataSource } from '@wirestream/db';
import { parseConfig } from '@wirestream/service-kit';
import { DataSource } from 'typeorm';
import { API_CONFIG, ApiEnvSchema, type ApiConfig } from './api.config';

/** A read-only Postgres pool: every session has default_transaction_read_only on, so a stray write fails. */
@Global()
@Module({
  providers: [
    { provide: API_CONFIG, useFactory: () => parseConfig(ApiEnvSchema) },
    { provide: DataSource, inject: [API_CONFIG], useFactory: (config: ApiConfig) => createReadOnlyDataSource(config.DATABASE_URL) },
  ],
  exports: [DataSource, API_CONFIG],
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
