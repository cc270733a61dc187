import { Module } from '@nestjs/common';
import { Kafka, KAFKA_CONFIG, KafkaEnvSchema, KafkaModule, kafkaOptions, kafkaReadiness, type KafkaConfig } from '@wirestream/kafka';
import { ConfigModule, configProvider, HealthModule } from '@wirestream/service-kit';
import { EXTRACTOR_CONFIG, ExtractorEnvSchema } from './extractor.config';
import { ExtractorConsumer } from './extractor.consumer';

@Module({
  imports: [
    ConfigModule.forRoot([configProvider(KAFKA_CONFIG, KafkaEnvSchema), configProvider(EXTRACTOR_CONFIG, ExtractorEnvSchema)]),
    KafkaModule.forRootAsync({ inject: [KAFKA_CONFIG], useFactory: (config: KafkaConfig) => kafkaOptions(config, 'wirestream-extractor') }),
    HealthModule.forChecks({ inject: [Kafka], useFactory: (kafka: Kafka) => [kafkaReadiness(kafka)] }),
  ],
  providers: [ExtractorConsumer],
})
export class ExtractorModule {}
