import { Module, type DynamicModule } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { ConsumerRunner } from './consumer-runner';
import { createKafkaClient } from './kafka-client';
import { KAFKA_OPTIONS } from './kafka.tokens';
import type { KafkaOptions } from './kafka-config';
import { MessageProducer } from './message-producer';
import { TopicAdmin } from './topic-admin';

/**
 * kafkajs inside Nest providers, rather than Nest's Kafka transport: the transport handles one
 * message at a time, has no batch consumption, no retry limit and no dead-lettering, and renames
 * consumer groups. Here the service keeps control of batching, commits and the DLQ.
 */
@Module({})
export class KafkaModule {
  static forRoot(options: KafkaOptions): DynamicModule {
    return {
      module: KafkaModule,
      global: true,
      providers: [
        { provide: KAFKA_OPTIONS, useValue: options },
        { provide: Kafka, useFactory: () => createKafkaClient(options) },
        MessageProducer,
        ConsumerRunner,
        TopicAdmin,
      ],
      exports: [KAFKA_OPTIONS, Kafka, MessageProducer, ConsumerRunner, TopicAdmin],
    };
  }
}
