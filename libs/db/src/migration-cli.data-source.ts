import { createDataSource } from './data-source';
import { databaseConfigFromEnv } from './database.config';

const config = databaseConfigFromEnv();

/** For the TypeORM CLI: `typeorm migration:run -d libs/db/dist/migration-cli.data-source.js`. */
export default createDataSource(config.DATABASE_URL, config.DATABASE_POOL_SIZE);
