import { Module } from '@nestjs/common';
import { ArticleStore, DatabaseModule, schemaReadiness } from '@wirestream/db';
import { Kafka, KAFKA_CONFIG, KafkaEnvSchema, KafkaModule, kafkaOptions, kafkaReadiness, type KafkaConfig } from '@wirestream/kafka';
import { ConfigModule, configProvider, HealthModule } from '@wirestream/service-kit';
import { DataSource } from 'typeorm';
import { STORAGE_CONFIG, StorageEnvSchema, type StorageConfig } from './storage.config';
import { StorageConsumer } from './storage.consumer';

@Module({
  imports: [
    ConfigModule.forRoot([configProvider(KAFKA_CONFIG, KafkaEnvSchema), configProvider(STORAGE_CONFIG, StorageEnvSchema)]),
    KafkaModule.forRootAsync({ inject: [KAFKA_CONFIG], useFactory: (config: KafkaConfig) => kafkaOptions(config, 'wirestream-storage') }),
    DatabaseModule.forRootAsync({
      inject: [STORAGE_CONFIG],
      useFactory: (config: StorageConfig) => ({ url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE, migrateOnStart: config.DATABASE_MIGRATE_ON_START }),
    }),
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
  providers: [{ provide: ArticleStore, inject: [DataSource], useFactory: (dataSource: DataSource) => new ArticleStore(dataSource) }, StorageConsumer],
})
export class StorageModule {}
