import { Module } from '@nestjs/common';
import { Kafka, KafkaModule, kafkaOptionsFromEnv, kafkaReadiness } from '@wirestream/kafka';
import { HealthModule } from '@wirestream/service-kit';
import { ExtractorConsumer } from './extractor.consumer';

@Module({
  imports: [
    KafkaModule.forRoot(kafkaOptionsFromEnv('wirestream-extractor')),
    HealthModule.forChecks({ inject: [Kafka], useFactory: (kafka: Kafka) => [kafkaReadiness(kafka)] }),
  ],
  providers: [ExtractorConsumer],
})
export class ExtractorModule {}
