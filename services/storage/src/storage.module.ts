import { Module } from '@nestjs/common';
import { Kafka, KafkaModule, kafkaReadiness } from '@wirestream/kafka';
import { HealthModule } from '@wirestream/service-kit';
import { schemaReadiness } from '@wirestream/db';
import { DataSource } from 'typeorm';
import { DatabaseModule } from './database.module';
import { StorageConsumer } from './storage.consumer';

@Module({
  imports: [
    KafkaModule.fromEnv('wirestream-storage'),
    DatabaseModule,
    HealthModule.forChecks({
      inject: [Kafka, DataSource],
      useFactory: (kafka: Kafka, dataSource: DataSource) => [
        kafkaReadiness(kafka),
        { name: 'postgres', check: async () => ({ ok: (await dataSource.query('SELECT 1 AS ok')).length === 1 }) },
        // Not ready while migrations are pending: every write would fail (and be retried, not dead-lettered).
        schemaReadiness(dataSource),
      ],
    }),
  ],
  providers: [StorageConsumer],
})
export class StorageModule {}
