export {
  createFetcherDataSource,
  FETCHER_MIGRATIONS_TABLE,
  FetcherStateStore,
  runFetcherMigrations,
  type EmittedItem,
  type StoredValidators,
} from './fetcher-state-store';
export { FetcherState1764000000000 } from './migrations/1764000000000-fetcher-state';
