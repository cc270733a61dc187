import { z } from 'zod';

/** The admin surface's settings (services that have one: routes that change what the service does). */
export const AdminEnvSchema = z.object({
  ADMIN_HTTP_HOST: z.string().min(1).default('127.0.0.1').describe('Interface the admin routes listen on; loopback unless you put an authenticating proxy or a private network in front.'),
  ADMIN_HTTP_PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .optional()
    .describe("Port of the admin routes, apart from health and metrics; 0 picks a free one. Defaults to the service's own admin port."),
  ADMIN_HTTP_PORT_FILE: z.string().optional().describe('File the service writes its admin port to once listening (as HTTP_PORT_FILE does for HTTP_PORT).'),
  ADMIN_TOKEN: z
    .string()
    .min(24, 'must be at least 24 characters: generate one with `openssl rand -base64 32`')
    .optional()
    .describe('Bearer token the admin routes require (or ADMIN_TOKEN_FILE). Unset: the admin routes are not served at all.'),
}).meta({ title: 'Admin routes' });

export type AdminEnv = z.infer<typeof AdminEnvSchema>;
