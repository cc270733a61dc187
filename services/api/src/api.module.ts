import { Module } from '@nestjs/common';
import { HealthModule } from '@wirestream/service-kit';
import { DataSource } from 'typeorm';
import { ArticlesController } from './articles/articles.controller';
import { ArticlesService } from './articles/articles.service';
import { DatabaseModule } from './database.module';
import { EntitiesController } from './entities/entities.controller';
import { EntitiesService } from './entities/entities.service';
import { StoriesController } from './stories/stories.controller';
import { StoriesService } from './stories/stories.service';

@Module({
  imports: [
    DatabaseModule,
    HealthModule.forChecks({
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => [
        { name: 'postgres', check: async () => ({ ok: (await dataSource.query('SELECT 1 AS ok')).length === 1 }) },
      ],
    }),
  ],
  controllers: [ArticlesController, EntitiesController, StoriesController],
  providers: [ArticlesService, EntitiesService, StoriesService],
})
export class ApiModule {}
