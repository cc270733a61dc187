export * from './start-telemetry';
export * from './trace-context';
export * from './attributes';
export * from './logger';
export * from './metrics';
export * from './telemetry.config';
export * from './span-exporters';
