import { Logger, Module, type DynamicModule, type INestApplication, type InjectionToken, type LoggerService, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AddressInfo } from 'node:net';
import { parseConfig } from '@wirestream/config';
import { writePortFile } from '../port-file';
import { adminGate, tokenFingerprint } from './admin-gate';
import { AdminEnvSchema } from './admin.config';

/** What a service serves on its admin port. */
export interface AdminSurface {
  /** Controllers of the routes that change what the service does. */
  controllers: Type[];
  /** Providers of the main application those controllers inject; the admin app gets the same instances. */
  shared: InjectionToken[];
  defaultPort: number;
}

/** Largest admin request body: a source declaration is well under a kilobyte. */
export const ADMIN_BODY_LIMIT_BYTES = 64 * 1024;

@Module({})
class AdminHostModule {}

/**
 * Serves a service's admin routes on their own port, as a second Nest application over the main
 * one's providers, so health and metrics (HTTP_PORT) never carry them. With no ADMIN_TOKEN the
 * admin routes are not served at all (null).
 */
export async function startAdminServer(app: INestApplication, surface: AdminSurface, logger: LoggerService): Promise<INestApplication | null> {
  const env = parseConfig(AdminEnvSchema);
  const log = new Logger('admin');
  if (!env.ADMIN_TOKEN) {
    log.log('ADMIN_TOKEN is not set: admin routes are not served');
    return null;
  }
  const module: DynamicModule = {
    module: AdminHostModule,
    controllers: surface.controllers,
    providers: surface.shared.map((token) => ({ provide: token, useValue: app.get(token) })),
  };
  const admin = await NestFactory.create<NestExpressApplication>(module, { logger, bodyParser: false });
  admin.disable('x-powered-by');
  admin.use(adminGate({ token: env.ADMIN_TOKEN, log: (line) => log.log(line) }));
  admin.useBodyParser('json', { limit: ADMIN_BODY_LIMIT_BYTES });
  await admin.listen(env.ADMIN_HTTP_PORT ?? surface.defaultPort, env.ADMIN_HTTP_HOST);
  const port = (admin.getHttpServer().address() as AddressInfo).port;
  if (env.ADMIN_HTTP_PORT_FILE) writePortFile(env.ADMIN_HTTP_PORT_FILE, port);
  log.log(`admin routes on ${env.ADMIN_HTTP_HOST}:${port}, token ${tokenFingerprint(env.ADMIN_TOKEN)}`);
  return admin;
}
