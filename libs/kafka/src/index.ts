export * from './kafka.config';
export * from './kafka-client';
export * from './kafka.tokens';
export * from './kafka.module';
export * from './message-producer';
export * from './consumer-runner';
export * from './consumer-spec';
export { transientBackoffMs, whereFrom } from './consumer-failures';
export * from './consumer-spans';
export * from './consumed-message';
export * from './outgoing-record';
export * from './dead-letter';
export * from './topic-admin';
export * from './kafka-readiness';
// Services inject the client by this class token without depending on kafkajs themselves.
export { Kafka } from 'kafkajs';
