// The configuration reader lives in @wirestream/config (telemetry and db read theirs before or without
// the kit); re-exported for tools that take it from here until they depend on @wirestream/config.
export { invalidConfiguration, parseConfig, withFileVariables } from '@wirestream/config';
export * from './service.config';
export * from './config.module';
export * from './readiness';
export * from './health.module';
export * from './bootstrap-service';
export * from './metrics.controller';
export * from './pino-nest-logger';
export * from './admin/admin.config';
export * from './admin/admin-gate';
export * from './admin/admin-server';
export * from './loopback';
export * from './open-route';
export * from './startup-status';
