export * from './topics';
export * from './article-id';
export * from './schemas';
export * from './schema-upgrades';
export * from './codec';
export * from './errors';
export * from './headers';
export * from './article-fixture';
