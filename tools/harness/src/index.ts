export * from './article-queries';
export * from './command-line';
export * from './pipeline-launcher';
export * from './repo-paths';
export * from './seeded-random';
export * from './wire-corpus';
export * from './bench-result';
export * from './corenlp-resolve';
