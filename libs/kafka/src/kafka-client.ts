import { Logger } from '@nestjs/common';
import { Kafka, logLevel, Partitioners, type LogEntry, type Producer } from 'kafkajs';
import type { KafkaOptions } from './kafka-config';

export function createKafkaClient(options: KafkaOptions): Kafka {
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    logLevel: logLevel.WARN,
    logCreator: kafkajsToNestLogger,
    retry: { initialRetryTime: 300, retries: 8 },
  });
}

/**
 * Idempotent producer with acks from all in-sync replicas: a retried send never duplicates a
 * message, and a send that resolved is durable. One request in flight keeps per-key order.
 */
export function createIdempotentProducer(kafka: Kafka): Producer {
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    // Retry a send until the broker is back (capped backoff): a bounded retry count would let an
    // outage surface as a failed batch, and the idempotent producer's guarantees need unbounded retries.
    retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 300, maxRetryTime: 10_000 },
    createPartitioner: Partitioners.DefaultPartitioner,
  });
}

/** kafkajs logs go through the service's logger, so they are structured and carry trace ids. */
function kafkajsToNestLogger() {
  const logger = new Logger('kafkajs');
  return ({ level, log }: LogEntry) => {
    const { message, ...details } = log;
    const line = `${message}${Object.keys(details).length > 2 ? ` ${JSON.stringify(details)}` : ''}`;
    if (level <= logLevel.ERROR) logger.error(line);
    else if (level === logLevel.WARN) logger.warn(line);
    else logger.debug(line);
  };
}
