import { Logger, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter, type NestExpressApplication } from '@nestjs/platform-express';
import createExpress, { type NextFunction, type Request, type Response } from 'express';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger, type LogLevel, type TelemetryHandle } from '@wirestream/telemetry';
import { PinoNestLogger } from './pino-nest-logger';
import { parseConfig } from '@wirestream/config';
import { ServiceEnvSchema } from './service.config';
import { startAdminServer, type AdminSurface } from './admin/admin-server';
import { writePortFile } from './port-file';
import { startupWaitDetail } from './startup-status';

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
    const nestLogger = new StartupReportingLogger(createLogger(`wirestream-${options.name}`, PINO_LEVELS[env.LOG_LEVEL]));
    // The health port opens first, answering live and not ready while the modules start: a service
    // waiting for its broker or database is seen waiting (and says for what), not as a closed port.
    const express = createExpress();
    express.disable('x-powered-by');
    let starting = true;
    express.use(startingHealth(() => starting));
    const server = createServer(express);
    await listen(server, env.HTTP_PORT ?? options.defaultPort, env.HTTP_HOST);
    const port = (server.address() as AddressInfo).port;
    if (env.HTTP_PORT_FILE) writePortFile(env.HTTP_PORT_FILE, port);
    logger.log(`${options.name} starting; health on http://${env.HTTP_HOST}:${port}/health/ready`);
    const app = await NestFactory.create<NestExpressApplication>(options.module as never, new ExpressAdapter(express), {
      logger: nestLogger,
      bodyParser: options.bodyParser ?? true,
      // Thrown to the catch below (one line naming the problem), not logged with a stack and aborted by Nest.
      abortOnError: false,
    });
    options.configure?.(app);
    await app.init();
    const admin = options.admin ? await startAdminServer(app, options.admin, nestLogger) : null;
    starting = false;
    logger.log(`${options.name} ready; health on http://${env.HTTP_HOST}:${port}/health/ready`);
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => void shutDown([admin, app], server, options.telemetry, logger, signal));
    }
  } catch (error) {
    logger.error(`${options.name} failed to start: ${(error as Error).message.replace(/\s*\n\s*/g, '; ')}`);
    await options.telemetry.shutdown().catch(() => undefined);
    process.exit(1);
  }
}

/** Hard ceiling on a graceful stop, after which the process exits anyway (work is redone). */
export const SHUTDOWN_DEADLINE_MS = 30_000;

/**
 * Nest's ExceptionHandler logs a module that fails to start with its stack; the catch in
 * bootstrapService reports it once, in one line that names the problem.
 */
class StartupReportingLogger extends PinoNestLogger {
  override error(message: unknown, ...rest: unknown[]): void {
    if (rest[rest.length - 1] === 'ExceptionHandler') return;
    super.error(message, ...rest);
  }
}

/** Until the application has started: /health/live answers 200, everything else 503 with what it waits for. */
function startingHealth(isStarting: () => boolean) {
  return (request: Request, response: Response, next: NextFunction): void => {
    if (!isStarting()) return next();
    if (request.path === '/health/live') {
      response.json({ status: 'ok', info: {}, error: {}, details: {} });
      return;
    }
    const down = { startup: { status: 'down', message: startupWaitDetail() } };
    response.status(503).json({ status: 'error', info: {}, error: down, details: down });
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

async function shutDown(apps: Array<INestApplication | null>, server: Server, telemetry: TelemetryHandle, logger: Logger, signal: string): Promise<void> {
  logger.log(`${signal} received: stopping`);
  setTimeout(() => {
    logger.error(`did not stop within ${SHUTDOWN_DEADLINE_MS} ms; exiting`);
    process.exit(1);
  }, SHUTDOWN_DEADLINE_MS).unref();
  try {
    // The admin app first: it only borrows the main app's providers, which the main app closes.
    for (const app of apps) await app?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await telemetry.shutdown();
    process.exit(0);
  } catch (error) {
    logger.error(`unclean stop: ${(error as Error).message}`);
    process.exit(1);
  }
}
