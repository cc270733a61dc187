import { z } from 'zod';

/** Settings every service has. */
export const ServiceEnvSchema = z.object({
  HTTP_HOST: z.string().default('0.0.0.0').describe('Interface the health endpoints listen on.'),
  HTTP_PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .optional()
    .describe("Port of the health endpoints (/health/live, /health/ready); 0 picks a free one. Defaults to the service's own port."),
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log').describe('Least severe log level printed.'),
});
