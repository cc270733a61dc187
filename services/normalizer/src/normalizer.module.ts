import { Module } from '@nestjs/common';
import { Kafka, KAFKA_CONFIG, KafkaEnvSchema, KafkaModule, kafkaOptions, kafkaReadiness, type KafkaConfig } from '@wirestream/kafka';
import { ConfigModule, configProvider, HealthModule } from '@wirestream/service-kit';
import { NormalizerConsumer } from './normalizer.consumer';

@Module({
  imports: [
    ConfigModule.forRoot([configProvider(KAFKA_CONFIG, KafkaEnvSchema)]),
    KafkaModule.forRootAsync({ inject: [KAFKA_CONFIG], useFactory: (config: KafkaConfig) => kafkaOptions(config, 'wirestream-normalizer') }),
    HealthModule.forChecks({ inject: [Kafka], useFactory: (kafka: Kafka) => [kafkaReadiness(kafka)] }),
  ],
  providers: [NormalizerConsumer],
})
export class NormalizerModule {}
