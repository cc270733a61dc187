import { Test } from '@nestjs/testing';
import { parseConfig } from '@wirestream/config';
import { FETCHER_CONFIG, FetcherEnvSchema } from './fetcher.config';
import { FetcherModule } from './fetcher.module';
import { SourceRegistry } from './source-registry';

// Compiled only (no init): providers are built, nothing connects to a broker or a database.
async function registryOf(module: typeof FetcherModule | ReturnType<typeof FetcherModule.withoutConfiguredSources>): Promise<string[]> {
  const config = parseConfig(FetcherEnvSchema, { FETCHER_FEED_URLS: 'https://wire.example/feed' });
  const moduleRef = await Test.createTestingModule({ imports: [module] }).overrideProvider(FETCHER_CONFIG).useValue(config).compile();
  try {
    return moduleRef.get(SourceRegistry).list().map((source) => source.id);
  } finally {
    await moduleRef.close();
  }
}

describe('FetcherModule', () => {
  it('starts its registry with the configured sources', async () => {
    expect(await registryOf(FetcherModule)).toEqual(['wire.example']);
  });

  it('without configured sources (`cli fetch`) starts with none', async () => {
    expect(await registryOf(FetcherModule.withoutConfiguredSources())).toEqual([]);
  });
});
