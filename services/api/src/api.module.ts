import { Logger, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { ConfigModule, HealthModule } from '@wirestream/service-kit';
import { ApiKeyStore, DatabaseModule, schemaReadiness } from '@wirestream/db';
import { DataSource } from 'typeorm';
import { API_CONFIG, parseApiConfig, type ApiConfig } from './api.config';
import { ArticlesController } from './articles/articles.controller';
import { ArticlesService } from './articles/articles.service';
import { EntitiesController } from './entities/entities.controller';
import { EntitiesService } from './entities/entities.service';
import { ApiKeyGuard } from './security/api-key.guard';
import { KeyThrottlerGuard } from './security/key-throttler.guard';
import { StoriesController } from './stories/stories.controller';
import { StoriesService } from './stories/stories.service';

@Module({
  imports: [
    ConfigModule.forRoot([
      {
        provide: API_CONFIG,
        useFactory: () => {
          const config = parseApiConfig();
          new Logger('ApiAuth').log(config.API_AUTH === 'keys' ? 'API_AUTH=keys: requests need an API key' : 'API_AUTH=off: no authentication (loopback only)');
          return config;
        },
      },
    ]),
    // A read-only pool, as the API's own role (which may only SELECT and note a key's use), whose
    // sessions are read-only besides: a stray write fails twice over.
    DatabaseModule.forRootAsync({
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) => ({ url: config.API_DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE, readOnly: true }),
    }),
    HealthModule.forChecks({
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => [
        { name: 'postgres', check: async () => ({ ok: (await dataSource.query('SELECT 1 AS ok')).length === 1 }) },
        // Not ready while migrations are pending: queries would answer 500.
        schemaReadiness(dataSource),
      ],
    }),
    ThrottlerModule.forRootAsync({
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) => ({ throttlers: [{ ttl: 60_000, limit: config.API_RATE_LIMIT_PER_MINUTE }] }),
    }),
  ],
  controllers: [ArticlesController, EntitiesController, StoriesController],
  providers: [
    { provide: ApiKeyStore, inject: [DataSource], useFactory: (dataSource: DataSource) => new ApiKeyStore(dataSource) },
    ArticlesService,
    EntitiesService,
    StoriesService,
    // In this order: the key is known before the rate limit counts it.
    { provide: APP_GUARD, useClass: ApiKeyGuard },
    { provide: APP_GUARD, useClass: KeyThrottlerGuard },
  ],
})
export class ApiModule {}
