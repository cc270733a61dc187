import { Module, type DynamicModule } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { ConsumerRunner } from './consumer-runner';
import { createKafkaClient } from './kafka-client';
import { KAFKA_OPTIONS } from './kafka.tokens';
import { kafkaOptionsFromEnv, type KafkaOptions } from './kafka-config';
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
   * The module with the KAFKA_* settings of the environment, read (and refused, naming the
   * variable) when the application is created, not when its module file is loaded.
   */
  static fromEnv(clientId: string): DynamicModule {
    return KafkaModule.forRoot(() => kafkaOptionsFromEnv(clientId));
  }

  static forRoot(options: KafkaOptions | (() => KafkaOptions)): DynamicModule {
    return {
      module: KafkaModule,
      global: true,
      providers: [
        typeof options === 'function' ? { provide: KAFKA_OPTIONS, useFactory: options } : { provide: KAFKA_OPTIONS, useValue: options },
        { provide: Kafka, inject: [KAFKA_OPTIONS], useFactory: (resolved: KafkaOptions) => createKafkaClient(resolved) },
        MessageProducer,
        ConsumerRunner,
        TopicAdmin,
      ],
      exports: [KAFKA_OPTIONS, Kafka, MessageProducer, ConsumerRunner, TopicAdmin],
    };
  }
}
