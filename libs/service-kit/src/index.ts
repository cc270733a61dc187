export * from './parse-config';
export * from './service-env';
export * from './readiness';
export * from './health.module';
export * from './bootstrap-service';
export * from './metrics.controller';
export * from './pino-nest-logger';
