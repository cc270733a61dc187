import { Logger, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AddressInfo } from 'node:net';
import { createLogger, type LogLevel, type TelemetryHandle } from '@wirestream/telemetry';
import { PinoNestLogger } from './pino-nest-logger';
import { parseConfig } from './parse-config';
import { ServiceEnvSchema } from './service-env';
import { startAdminServer, type AdminSurface } from './admin/admin-server';
import { writePortFile } from './port-file';

const PINO_LEVELS: Record<string, LogLevel> = { error: 'error', warn: 'warn', log: 'info', debug: 'debug', verbose: 'trace' };

/**
 * Starts a service's Nest application with its health endpoints over HTTP. On SIGTERM/SIGINT,
 * Nest's shutdown hooks run (consumers stop and commit first, then producers and pools close),
 * telemetry is flushed last, and the process exits. A failure to start exits non-zero.
 */
export async function bootstrapService(options: {
  name: string;
  module: unknown;
  defaultPort: number;
  telemetry: TelemetryHandle;
  /** Runs between creating the app and listening: routes that must be mounted first (OpenAPI docs). */
  configure?: (app: INestApplication) => void;
  /** false: request bodies are never read (a service whose routes take none). */
  bodyParser?: boolean;
  /** Routes that change what the service does: served on ADMIN_HTTP_PORT with a token, never on HTTP_PORT. */
  admin?: AdminSurface;
}): Promise<void> {
  const logger = new Logger(options.name);
  try {
    const env = parseConfig(ServiceEnvSchema);
    const nestLogger = new PinoNestLogger(createLogger(`wirestream-${options.name}`, PINO_LEVELS[env.LOG_LEVEL]));
    const app = await NestFactory.create<NestExpressApplication>(options.module as never, { logger: nestLogger, bodyParser: options.bodyParser ?? true });
    app.disable('x-powered-by');
    options.configure?.(app);
    await app.listen(env.HTTP_PORT ?? options.defaultPort, env.HTTP_HOST);
    const admin = options.admin ? await startAdminServer(app, options.admin, nestLogger) : null;
    if (env.HTTP_PORT_FILE) writePortFile(env.HTTP_PORT_FILE, (app.getHttpServer().address() as AddressInfo).port);
    logger.log(`${options.name} ready; health on ${await app.getUrl()}/health/ready`);
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => void shutDown([admin, app], options.telemetry, logger, signal));
    }
  } catch (error) {
    logger.error(`${options.name} failed to start: ${(error as Error).message}`);
    await options.telemetry.shutdown().catch(() => undefined);
    process.exit(1);
  }
}

/** Hard ceiling on a graceful stop, after which the process exits anyway (work is redone). */
export const SHUTDOWN_DEADLINE_MS = 30_000;

async function shutDown(apps: Array<INestApplication | null>, telemetry: TelemetryHandle, logger: Logger, signal: string): Promise<void> {
  logger.log(`${signal} received: stopping`);
  setTimeout(() => {
    logger.error(`did not stop within ${SHUTDOWN_DEADLINE_MS} ms; exiting`);
    process.exit(1);
  }, SHUTDOWN_DEADLINE_MS).unref();
  try {
    // The admin app first: it only borrows the main app's providers, which the main app closes.
    for (const app of apps) await app?.close();
    await telemetry.shutdown();
    process.exit(0);
  } catch (error) {
    logger.error(`unclean stop: ${(error as Error).message}`);
    process.exit(1);
  }
}
