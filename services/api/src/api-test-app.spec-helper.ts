import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { API_READER_ROLE } from '@wirestream/db';
import { API_CONFIG, type ApiConfig } from './api.config';
import { configureApiApp } from './api-app';
import { ApiModule } from './api.module';

/** For the integration specs (left out of the build): the API as it runs, on the schema of `databaseUrl`. */
export async function startTestApi(databaseUrl: string, auth: ApiConfig['API_AUTH']): Promise<{ app: INestApplication; baseUrl: string }> {
  // As the API's own role: a table the API reads without a grant fails the specs.
  const apiRoleUrl = new URL(databaseUrl);
  apiRoleUrl.username = API_READER_ROLE;
  const config: ApiConfig = {
    API_DATABASE_URL: apiRoleUrl.toString(),
    API_AUTH: auth,
    API_CORS_ORIGINS: [],
    API_RATE_LIMIT_PER_MINUTE: 10_000,
    API_MAX_PARAM_BYTES: 2048,
    API_DEFAULT_PAGE_SIZE: 20,
    API_MAX_PAGE_SIZE: 100,
    DATABASE_POOL_SIZE: 10,
  };
  const moduleRef = await Test.createTestingModule({ imports: [ApiModule] }).overrideProvider(API_CONFIG).useValue(config).compile();
  const app = configureApiApp(moduleRef.createNestApplication({ logger: false }));
  await app.listen(0, '127.0.0.1');
  return { app, baseUrl: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
}
