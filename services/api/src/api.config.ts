import { invalidConfiguration, parseConfig, type ServiceConfiguration } from '@wirestream/config';
import { isLoopbackHost, ServiceEnvSchema } from '@wirestream/service-kit';
import { TelemetryEnvSchema } from '@wirestream/telemetry';
import { API_READER_ROLE, DatabasePoolEnvSchema } from '@wirestream/db';
import { z } from 'zod';

const commaList = z
  .string()
  .default('')
  .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean));

export const ApiEnvSchema = z.object({
  API_DATABASE_URL: z
    .string()
    .url()
    .default(`postgres://${API_READER_ROLE}@127.0.0.1:5432/wirestream`)
    .describe(`Postgres URL the API connects with, as the read-only role the migrations create (${API_READER_ROLE}); its sessions are read-only too. \`sslmode\` in the URL is honoured.`),
  API_AUTH: z
    .enum(['keys', 'off'])
    .default('keys')
    .describe('`keys`: every request but /health/* and /docs needs `Authorization: Bearer <api key>` (`npm run cli -- api-keys create <name>`). `off`: refused unless HTTP_HOST is a loopback address.'),
  API_CORS_ORIGINS: commaList
    .pipe(z.array(z.url({ protocol: /^https?$/, error: 'must be origins such as https://desk.example.org' })))
    .describe('Browser origins allowed to call the API (CORS), comma-separated; empty: none.'),
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600).describe('Requests one API key (or, with API_AUTH=off, one address) may make per minute per instance; more are answered 429 with Retry-After.'),
  API_MAX_PARAM_BYTES: z.coerce.number().int().min(64).max(8192).default(2048).describe('Longest query or path parameter accepted, in UTF-8 bytes; longer ones are answered 400.'),
  API_DEFAULT_PAGE_SIZE: z.coerce.number().int().min(1).max(500).default(20).describe('Articles per page when a request gives no limit.'),
  API_MAX_PAGE_SIZE: z.coerce.number().int().min(1).max(500).default(100).describe('Largest limit a request may ask for.'),
  ...DatabasePoolEnvSchema.shape,
}).meta({ title: 'API' });

export type ApiConfig = z.infer<typeof ApiEnvSchema>;
export const API_CONFIG = Symbol('API_CONFIG');

/** Every variable the API reads, by schema: docs/configuration.md is generated from these. */
export const SERVICE_CONFIGURATION: ServiceConfiguration = {
  service: 'api',
  defaultHttpPort: 3105,
  schemas: [ApiEnvSchema, ServiceEnvSchema, TelemetryEnvSchema],
};

/** The API's settings; API_AUTH=off is refused unless the API listens on loopback only. */
export function parseApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const config = parseConfig(ApiEnvSchema, env);
  const { HTTP_HOST } = parseConfig(ServiceEnvSchema, env);
  if (config.API_AUTH === 'off' && !isLoopbackHost(HTTP_HOST)) {
    throw invalidConfiguration([`API_AUTH: off is refused unless HTTP_HOST is a loopback address (it is ${HTTP_HOST}); create a key with \`npm run cli -- api-keys create <name>\``]);
  }
  return config;
}
