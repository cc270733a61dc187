import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { DatabaseModule } from './database.module';

describe('DatabaseModule.forRootAsync', () => {
  // Compiled only: the pool is built, not connected.
  const dataSourceOf = async (readOnly: boolean) => {
    const moduleRef = await Test.createTestingModule({
      imports: [DatabaseModule.forRootAsync({ useFactory: () => ({ url: 'postgres://reader@127.0.0.1:5432/wirestream', poolSize: 3, readOnly }) })],
    }).compile();
    return moduleRef.get(DataSource).options as { url: string; applicationName: string; extra: { max: number } };
  };

  it('builds the pool from the injected settings with the shared TypeORM options', async () => {
    const options = await dataSourceOf(false);
    expect(options).toMatchObject({ applicationName: 'wirestream', extra: { max: 3 } });
    expect(options.url.startsWith('postgres://reader@127.0.0.1:5432/wirestream?')).toBe(true);
    expect(new URL(options.url).searchParams.get('options')).toBe('-c jit=off');
  });

  it('makes read-only sessions for the API', async () => {
    const options = await dataSourceOf(true);
    expect(options).toMatchObject({ applicationName: 'wirestream-api', extra: { max: 3 } });
    expect(new URL(options.url).searchParams.get('options')).toBe('-c default_transaction_read_only=on -c jit=off');
  });
});
