import 'reflect-metadata';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ArticleRecord } from './entities/article.entity';
import { EntityRecord } from './entities/entity.entity';
import { MentionRecord } from './entities/mention.entity';
import { InitialSchema1763888400000 } from './migrations/1763888400000-initial-schema';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/wirestream';

export const ENTITIES = [ArticleRecord, EntityRecord, MentionRecord];
export const MIGRATIONS = [InitialSchema1763888400000];

/**
 * The one set of TypeORM options, used by the storage service and by the migration CLI alike.
 * The schema changes only through migrations: `synchronize` stays off.
 */
export function dataSourceOptions(databaseUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    applicationName: 'wirestream',
    extra: { max: Number(process.env.DATABASE_POOL_SIZE ?? 10) },
  };
}

export function createDataSource(databaseUrl?: string): DataSource {
  return new DataSource(dataSourceOptions(databaseUrl));
}
