import { createDataSource } from './data-source';

/** For the TypeORM CLI: `typeorm migration:run -d libs/db/dist/migration-cli.data-source.js`. */
export default createDataSource();
