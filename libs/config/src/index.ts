export * from './parse-config';
export * from './config-variables';
