import { databaseConfigFromEnv } from './database.config';

describe('databaseConfigFromEnv', () => {
  it('defaults to the local database and a pool of 10', () => {
    expect(databaseConfigFromEnv({})).toEqual({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/wirestream', DATABASE_POOL_SIZE: 10 });
  });

  it('refuses a URL that is not postgres:// and a pool size that is not a number, never echoing the URL', () => {
    let message = '';
    try {
      databaseConfigFromEnv({ DATABASE_URL: 'mysql://root:hunter2@db/wirestream', DATABASE_POOL_SIZE: 'many' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Invalid configuration:\n {2}DATABASE_URL: must be a postgres:\/\/ URL/m);
    expect(message).toMatch(/\n {2}DATABASE_POOL_SIZE: .*\(got "many"\).* The default is DATABASE_POOL_SIZE=10\./);
    expect(message).not.toMatch(/hunter2/);
  });
});
