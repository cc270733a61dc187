import { Global, Inject, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { ArticleStore, createDataSource } from '@wirestream/db';
import { parseConfig } from '@wirestream/service-kit';
import { DataSource } from 'typeorm';
import { STORAGE_CONFIG, StorageEnvSchema, type StorageConfig } from './storage.config';

/** The storage service's Postgres pool, global so the health checks can ping it. */
@Global()
@Module({
  providers: [
    { provide: STORAGE_CONFIG, useFactory: () => parseConfig(StorageEnvSchema) },
    { provide: DataSource, inject: [STORAGE_CONFIG], useFactory: (config: StorageConfig) => createDataSource(config.DATABASE_URL) },
    { provide: ArticleStore, inject: [DataSource], useFactory: (dataSource: DataSource) => new ArticleStore(dataSource) },
  ],
  exports: [DataSource, ArticleStore],
})
export class DatabaseModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(STORAGE_CONFIG) private readonly config: StorageConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.dataSource.initialize();
    if (this.config.DATABASE_MIGRATE_ON_START) await this.dataSource.runMigrations({ transaction: 'each' });
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
