import { InfraError } from '../infra-error';

export const LOCAL_HOST = '127.0.0.1';
export const DEFAULT_KAFKA_PORT = 9092;

export interface KafkaPorts {
  broker: number;
  /** The KRaft controller listener: always the broker port + 1. */
  controller: number;
}

export interface BrokerAddress {
  host: string;
  port: number;
}

/** WIRESTREAM_KAFKA_PORT's value (unset: 9092) → the local broker's and controller's ports. */
export function localKafkaPorts(setting: string | undefined): KafkaPorts {
  const broker = setting ? Number(setting) : DEFAULT_KAFKA_PORT;
  if (!Number.isInteger(broker) || broker < 1 || broker > 65534) {
    throw new InfraError(`WIRESTREAM_KAFKA_PORT must be a port number (1-65534), got "${setting}".`);
  }
  return { broker, controller: broker + 1 };
}

/** "host:port", "PLAINTEXT://host:port" or "[::1]:port" → { host, port }; no port means 9092. */
export function parseBrokerAddress(entry: string): BrokerAddress {
  const address = entry.trim().replace(/^[a-z_]+:\/\//i, '');
  const match = address.match(/^\[([^\]]+)\](?::(\d+))?$/) ?? address.match(/^([^:]+)(?::(\d+))?$/);
  if (!match) throw new InfraError(`Cannot parse broker address "${entry}" in KAFKA_BROKERS (expected host:port).`);
  return { host: match[1], port: match[2] ? Number(match[2]) : DEFAULT_KAFKA_PORT };
}

/** The broker of a KAFKA_BROKERS list that readiness is checked against: the first. */
export function firstExternalBroker(brokers: string): BrokerAddress {
  return parseBrokerAddress(brokers.split(',')[0]);
}
