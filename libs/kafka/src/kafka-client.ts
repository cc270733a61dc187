import { Logger } from '@nestjs/common';
import { Kafka, logLevel, Partitioners, type LogEntry, type Producer } from 'kafkajs';
import type { KafkaOptions } from './kafka.config';

/**
 * How a service retries the broker: until it is back, 0.3 s doubling to 1 s apart (the Java
 * client's reconnect backoff), so a restarted broker is found within a second. Bounded retries
 * ended an outage of ~9 s with a crash: a producer's send failed, and a consumer came back as a new
 * member, which the restarted coordinator kept waiting a session timeout (10 s) for the old one,
 * whose LeaveGroup had found no broker. (A consumer's own retries end, see consumerRetry.) Every
 * field is set: kafkajs takes unset ones from defaults that change when NODE_ENV is "test".
 */
export const SERVICE_RETRY = { initialRetryTime: 300, maxRetryTime: 1_000, multiplier: 2, factor: 0.2, retries: Number.MAX_SAFE_INTEGER };

/**
 * A service's client. Its connections (the cluster under every producer, consumer and admin) retry
 * as SERVICE_RETRY says, and use TLS and SASL when the options say so.
 */
export function createKafkaClient(options: KafkaOptions): Kafka {
  if (options.sasl?.mechanism === 'plain' && !options.ssl) {
    new Logger('kafka').warn('KAFKA_SASL_MECHANISM=plain without TLS: the SASL password crosses the network in clear (set KAFKA_SSL=true)');
  }
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    ...(options.ssl ? { ssl: options.ssl } : {}),
    ...(options.sasl ? { sasl: options.sasl } : {}),
    logLevel: logLevel.WARN,
    logCreator: kafkajsToNestLogger,
    retry: SERVICE_RETRY,
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
    // Retry a send until the broker is back: a bounded retry count would let an outage surface as
    // a failed batch, and the idempotent producer's guarantees need unbounded retries.
    retry: SERVICE_RETRY,
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
