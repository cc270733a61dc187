import { Module } from '@nestjs/common';
import { Kafka, KafkaModule, kafkaOptionsFromEnv, kafkaReadiness } from '@wirestream/kafka';
import { HealthModule, parseConfig } from '@wirestream/service-kit';
import { DocumentEmitter } from './document-emitter';
import { FeedPoller } from './feed.poller';
import { FETCHER_CONFIG, FetcherEnvSchema } from './fetcher.config';
import { FileDropPoller } from './file-drop.poller';

@Module({
  imports: [
    KafkaModule.forRoot(kafkaOptionsFromEnv('wirestream-fetcher')),
    HealthModule.forChecks({ inject: [Kafka], useFactory: (kafka: Kafka) => [kafkaReadiness(kafka)] }),
  ],
  providers: [{ provide: FETCHER_CONFIG, useFactory: () => parseConfig(FetcherEnvSchema) }, DocumentEmitter, FileDropPoller, FeedPoller],
})
export class FetcherModule {}
