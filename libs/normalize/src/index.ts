export * from './normalize-document';
