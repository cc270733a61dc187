import { Module } from '@nestjs/common';
import { Kafka, KafkaModule, kafkaOptionsFromEnv, kafkaReadiness } from '@wirestream/kafka';
import { HealthModule } from '@wirestream/service-kit';
import { NormalizerConsumer } from './normalizer.consumer';

@Module({
  imports: [
    KafkaModule.forRoot(kafkaOptionsFromEnv('wirestream-normalizer')),
    HealthModule.forChecks({ inject: [Kafka], useFactory: (kafka: Kafka) => [kafkaReadiness(kafka)] }),
  ],
  providers: [NormalizerConsumer],
})
export class NormalizerModule {}
