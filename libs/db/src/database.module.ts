import { Global, Inject, Module, type DynamicModule, type InjectionToken, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createDataSource, createReadOnlyDataSource } from './data-source';

/** What a service's pool is built from: its validated settings, mapped by the service. */
export interface DatabaseOptions {
  url: string;
  poolSize: number;
  /** Sessions refuse writes (`default_transaction_read_only`): the API. */
  readOnly?: boolean;
  /** Run pending migrations once connected (a single storage instance; scaled, the migrations job does). */
  migrateOnStart?: boolean;
}

const DATABASE_OPTIONS = Symbol('DATABASE_OPTIONS');

/**
 * The service's Postgres pool (`DataSource`, global so health checks can ping it), built from
 * injected, already validated settings with the TypeORM options the migration CLI uses too;
 * connected at start and closed at shutdown.
 */
@Global()
@Module({})
export class DatabaseModule implements OnModuleInit, OnApplicationShutdown {
  static forRootAsync(options: { inject?: InjectionToken[]; useFactory: (...injected: never[]) => DatabaseOptions }): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: DATABASE_OPTIONS, inject: options.inject ?? [], useFactory: options.useFactory },
        {
          provide: DataSource,
          inject: [DATABASE_OPTIONS],
          useFactory: ({ url, poolSize, readOnly }: DatabaseOptions) => (readOnly ? createReadOnlyDataSource(url, poolSize) : createDataSource(url, poolSize)),
        },
      ],
      exports: [DataSource],
    };
  }

  constructor(
    private readonly dataSource: DataSource,
    @Inject(DATABASE_OPTIONS) private readonly options: DatabaseOptions,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.dataSource.initialize();
    if (this.options.migrateOnStart) await this.dataSource.runMigrations({ transaction: 'each' });
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
