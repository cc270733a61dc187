import { Module, type DynamicModule, type InjectionToken, type ModuleMetadata } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { ConsumerRunner } from './consumer-runner';
import { createKafkaClient } from './kafka-client';
import { KAFKA_OPTIONS } from './kafka.tokens';
import type { KafkaOptions } from './kafka.config';
import { MessageProducer } from './message-producer';
import { TopicAdmin } from './topic-admin';

/**
 * kafkajs inside Nest providers, rather than Nest's Kafka transport: the transport handles one
 * message at a time, has no batch consumption, no retry limit and no dead-lettering, and renames
 * consumer groups. Here the service keeps control of batching, commits and the DLQ.
 */
@Module({})
export class KafkaModule {
  /**
   * The module with client options built from injected, already validated settings, e.g.
   * `{ inject: [KAFKA_CONFIG], useFactory: (config: KafkaConfig) => kafkaOptions(config, 'wirestream-storage') }`:
   * the environment is read when the application is created, never when a module file is loaded.
   */
  static forRootAsync(options: {
    imports?: ModuleMetadata['imports'];
    inject?: InjectionToken[];
    useFactory: (...injected: never[]) => KafkaOptions | Promise<KafkaOptions>;
  }): DynamicModule {
    return {
      module: KafkaModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        { provide: KAFKA_OPTIONS, inject: options.inject ?? [], useFactory: options.useFactory },
        { provide: Kafka, inject: [KAFKA_OPTIONS], useFactory: (resolved: KafkaOptions) => createKafkaClient(resolved) },
        MessageProducer,
        ConsumerRunner,
        TopicAdmin,
      ],
      exports: [KAFKA_OPTIONS, Kafka, MessageProducer, ConsumerRunner, TopicAdmin],
    };
  }
}
