/**
 * Story grouping, pure: which stored or earlier article a new article shares a story with, and
 * why. The store gathers candidates from Postgres and writes the result; the rule lives here.
 */
export * from './story-signature';
export * from './salient-entities';
export * from './story-rule';
export * from './story-candidates';
export * from './story-assignment';
export * from './boilerplate-hashes';
export * from './sketch-keys';
