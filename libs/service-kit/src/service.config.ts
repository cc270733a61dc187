import { z } from 'zod';

/** Settings every service has. */
export const ServiceEnvSchema = z.object({
  HTTP_HOST: z.string().min(1).default('127.0.0.1').describe('Interface the health and metrics endpoints listen on: loopback unless set (0.0.0.0 in a container, so probes and Prometheus reach it).'),
  HTTP_PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .optional()
    .describe("Port of the health endpoints (/health/live, /health/ready); 0 picks a free one. Defaults to the service's own port."),
  HTTP_PORT_FILE: z
    .string()
    .optional()
    .describe('File the service writes its health port to once listening: how a launcher that gave HTTP_PORT=0 learns the port, with no race for it.'),
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log').describe('Least severe log level printed.'),
}).meta({ title: 'Health, metrics and logs' });
