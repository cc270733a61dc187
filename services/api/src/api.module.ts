import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { HealthModule } from '@wirestream/service-kit';
import { schemaReadiness } from '@wirestream/db';
import { DataSource } from 'typeorm';
import { API_CONFIG, type ApiConfig } from './api.config';
import { ArticlesController } from './articles/articles.controller';
import { ArticlesService } from './articles/articles.service';
import { DatabaseModule } from './database.module';
import { EntitiesController } from './entities/entities.controller';
import { EntitiesService } from './entities/entities.service';
import { ApiKeyGuard } from './security/api-key.guard';
import { KeyThrottlerGuard } from './security/key-throttler.guard';
import { StoriesController } from './stories/stories.controller';
import { StoriesService } from './stories/stories.service';

@Module({
  imports: [
    DatabaseModule,
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
    ArticlesService,
    EntitiesService,
    StoriesService,
    // In this order: the key is known before the rate limit counts it.
    { provide: APP_GUARD, useClass: ApiKeyGuard },
    { provide: APP_GUARD, useClass: KeyThrottlerGuard },
  ],
})
export class ApiModule {}
