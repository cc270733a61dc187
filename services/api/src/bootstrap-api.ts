import { Logger, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PinoNestLogger, parseConfig, ServiceEnvSchema } from '@wirestream/service-kit';
import { createLogger, type LogLevel, type TelemetryHandle } from '@wirestream/telemetry';
import { configureApiApp } from './api-app';

const PINO_LEVELS: Record<string, LogLevel> = { error: 'error', warn: 'warn', log: 'info', debug: 'debug', verbose: 'trace' };
/** Hard ceiling on a graceful stop, after which the process exits anyway. */
const SHUTDOWN_DEADLINE_MS = 30_000;

/**
 * `bootstrapService` from service-kit, plus the OpenAPI routes, which must be mounted between
 * creating the app and listening (service-kit has no hook for that yet).
 */
export async function bootstrapApi(options: { module: unknown; defaultPort: number; telemetry: TelemetryHandle }): Promise<void> {
  const logger = new Logger('api');
  try {
    const env = parseConfig(ServiceEnvSchema);
    const app = await NestFactory.create(options.module as never, {
      logger: new PinoNestLogger(createLogger('wirestream-api', PINO_LEVELS[env.LOG_LEVEL])),
    });
    configureApiApp(app);
    await app.listen(env.HTTP_PORT ?? options.defaultPort, env.HTTP_HOST);
    logger.log(`api ready on ${await app.getUrl()} (docs at /docs, health at /health/ready)`);
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => void shutDown(app, options.telemetry, logger, signal));
    }
  } catch (error) {
    logger.error(`api failed to start: ${(error as Error).message}`);
    await options.telemetry.shutdown().catch(() => undefined);
    process.exit(1);
  }
}

async function shutDown(app: INestApplication, telemetry: TelemetryHandle, logger: Logger, signal: string): Promise<void> {
  logger.log(`${signal} received: stopping`);
  setTimeout(() => {
    logger.error(`did not stop within ${SHUTDOWN_DEADLINE_MS} ms; exiting`);
    process.exit(1);
  }, SHUTDOWN_DEADLINE_MS).unref();
  try {
    await app.close();
    await telemetry.shutdown();
    process.exit(0);
  } catch (error) {
    logger.error(`unclean stop: ${(error as Error).message}`);
    process.exit(1);
  }
}
