import { Module } from '@nestjs/common';
import { Kafka, KafkaModule, kafkaReadiness } from '@wirestream/kafka';
import { HealthModule } from '@wirestream/service-kit';
import { NormalizerConsumer } from './normalizer.consumer';

@Module({
  imports: [
    KafkaModule.fromEnv('wirestream-normalizer'),
    HealthModule.forChecks({ inject: [Kafka], useFactory: (kafka: Kafka) => [kafkaReadiness(kafka)] }),
  ],
  providers: [NormalizerConsumer],
})
export class NormalizerModule {}
