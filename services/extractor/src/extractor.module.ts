import { Module } from '@nestjs/common';
import { Kafka, KafkaModule, kafkaReadiness } from '@wirestream/kafka';
import { HealthModule, parseConfig } from '@wirestream/service-kit';
import { EXTRACTOR_CONFIG, ExtractorEnvSchema } from './extractor.config';
import { ExtractorConsumer } from './extractor.consumer';

@Module({
  imports: [
    KafkaModule.fromEnv('wirestream-extractor'),
    HealthModule.forChecks({ inject: [Kafka], useFactory: (kafka: Kafka) => [kafkaReadiness(kafka)] }),
  ],
  providers: [{ provide: EXTRACTOR_CONFIG, useFactory: () => parseConfig(ExtractorEnvSchema) }, ExtractorConsumer],
})
export class ExtractorModule {}
