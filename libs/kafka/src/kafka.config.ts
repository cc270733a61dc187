import { readFileSync } from 'node:fs';
import { invalidConfiguration, parseConfig } from '@wirestream/config';
import { z } from 'zod';

/** The SASL mechanisms kafkajs supports with a user name and password. */
export const KAFKA_SASL_MECHANISMS = ['plain', 'scram-sha-256', 'scram-sha-512'] as const;
export type KafkaSaslMechanism = (typeof KAFKA_SASL_MECHANISMS)[number];
/** SASL settings as kafkajs takes them: one member per mechanism, so each is one of kafkajs's `SASLOptions`. Holds the password: never log it. */
export type KafkaSasl = { [M in KafkaSaslMechanism]: { mechanism: M; username: string; password: string } }[KafkaSaslMechanism];

/** Kafka settings every service reads from its environment; each carries its default and meaning. */
export const KafkaEnvSchema = z.object({
  KAFKA_BROKERS: z
    .string()
    .default('127.0.0.1:9092')
    .refine((value) => value.split(',').some((broker) => broker.trim() !== ''), 'names no broker: give host:port, e.g. 127.0.0.1:9092,kafka-1:9092')
    .superRefine((value, context) => {
      for (const broker of value.split(',').map((entry) => entry.trim()).filter(Boolean)) {
        const problem = brokerAddressProblem(broker);
        if (problem) context.addIssue({ code: 'custom', message: `"${broker}" ${problem}: give host:port, e.g. 127.0.0.1:9092,kafka-1:9092` });
      }
    })
    .describe('Comma-separated bootstrap brokers (host:port).'),
  KAFKA_TOPIC_NAMESPACE: z
    .string()
    .regex(/^[a-zA-Z0-9._-]*$/, 'letters, digits, dot, underscore and dash only')
    .default('')
    .describe('Prefix for every topic name, so several pipelines can share one broker. Empty in production.'),
  KAFKA_TOPIC_PARTITIONS: z.coerce
    .number()
    .int()
    .min(1)
    .default(3)
    .describe('Partitions for topics this service creates when they are missing; the ceiling on instances per consumer group.'),
  KAFKA_TOPIC_REPLICATION_FACTOR: z.coerce
    .number()
    .int()
    .min(1)
    .default(1)
    .describe('Replication factor for topics this service creates (1 for the single local broker; 3 in production).'),
  KAFKA_CONSUMER_GROUP_PREFIX: z
    .string()
    .default('wirestream')
    .describe('Consumer groups are `<prefix>-<stage>`: instances of one stage share a group and split its partitions.'),
  KAFKA_BATCH_SIZE: z.coerce
    .number()
    .int()
    .min(1)
    .default(200)
    .describe('Most messages processed (and produced or written) together before offsets are committed.'),
  KAFKA_CONCURRENT_PARTITIONS: z.coerce
    .number()
    .int()
    .min(1)
    .default(16)
    .describe(
      'Partitions one instance takes from each fetch at once. Their messages are processed as one unit (up to KAFKA_BATCH_SIZE): one transaction or produce request and one offset commit instead of one per partition.',
    ),
  KAFKA_FETCH_MIN_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(32_768)
    .describe(
      'Bytes a fetch waits for (up to KAFKA_FETCH_MAX_WAIT_MS) before the broker answers: a few stories per batch instead of one when traffic is light. 1 answers at once.',
    ),
  KAFKA_FETCH_MAX_WAIT_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(50)
    .describe('Longest the broker holds a fetch waiting for KAFKA_FETCH_MIN_BYTES: what a story may wait per hop when traffic is light.'),
  KAFKA_MAX_ATTEMPTS: z.coerce
    .number()
    .int()
    .min(1)
    .default(3)
    .describe('Attempts for a message whose processing throws an unclassified error before it is dead-lettered.'),
  KAFKA_SESSION_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(6000)
    .default(10_000)
    .describe(
      'How long the group waits for a silent consumer before giving its partitions to another: the pause after an instance is killed. Long batches heartbeat, so this need not cover a batch.',
    ),
  KAFKA_CONNECT_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .default(10_000)
    .describe('How long a starting service waits for the brokers before it reports them unreachable (a log line and /health/ready); it keeps trying.'),
  KAFKA_SHUTDOWN_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(15_000)
    .describe('On SIGTERM, how long in-flight batches may take to finish before the process exits anyway.'),
  KAFKA_SASL_MECHANISM: z
    .enum(['', ...KAFKA_SASL_MECHANISMS])
    .default('')
    .describe(
      'SASL mechanism to authenticate to the brokers with: plain, scram-sha-256 or scram-sha-512; empty for none. Needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD. plain sends the password in clear unless KAFKA_SSL is on.',
    ),
  KAFKA_SASL_USERNAME: z.string().default('').describe('SASL user name; set with KAFKA_SASL_MECHANISM.'),
  KAFKA_SASL_PASSWORD: z
    .string()
    .default('')
    .describe('SASL password; set with KAFKA_SASL_MECHANISM. Better given as a mounted file through KAFKA_SASL_PASSWORD_FILE. Never logged.'),
  KAFKA_SSL: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true')
    .describe('Connect to the brokers with TLS (true or false). Implied by KAFKA_SSL_CA_FILE.'),
  KAFKA_SSL_CA_FILE: z
    .string()
    .default('')
    .describe(
      "PEM file of the CA certificates to trust for the brokers' TLS certificates, instead of the system's; read at start. Setting it turns TLS on. Empty: the system's CAs.",
    ),
})
  // Credentials and a mechanism come together: a mechanism alone would fail at the first connection,
  // credentials alone would be silently ignored.
  .superRefine((config, context) => {
    const missing = (['KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD'] as const).filter((name) => config[name] === '');
    if (config.KAFKA_SASL_MECHANISM !== '') {
      for (const name of missing) context.addIssue({ code: 'custom', path: [name], message: `required with KAFKA_SASL_MECHANISM=${config.KAFKA_SASL_MECHANISM}` });
    } else if (missing.length < 2) {
      context.addIssue({
        code: 'custom',
        path: ['KAFKA_SASL_MECHANISM'],
        message: `required when KAFKA_SASL_USERNAME or KAFKA_SASL_PASSWORD is set: one of ${KAFKA_SASL_MECHANISMS.join(', ')}`,
      });
    }
  })
  .meta({ title: 'Kafka' });

/** What is wrong with one `host:port` broker address (a host name or IPv4 address), or null. */
export function brokerAddressProblem(broker: string): string | null {
  const match = /^([A-Za-z0-9._-]+):(\d+)$/.exec(broker);
  if (!match) return 'is not host:port';
  const port = Number(match[2]);
  if (port < 1 || port > 65535) return `has port ${match[2]}, outside 1-65535`;
  return null;
}

export interface KafkaOptions {
  brokers: string[];
  clientId: string;
  topicNamespace: string;
  topicPartitions: number;
  topicReplicationFactor: number;
  consumerGroupPrefix: string;
  batchSize: number;
  concurrentPartitions: number;
  fetchMinBytes: number;
  fetchMaxWaitMs: number;
  maxAttempts: number;
  sessionTimeoutMs: number;
  shutdownTimeoutMs: number;
  connectTimeoutMs: number;
  /** TLS to the brokers (kafkajs's `ssl`): off, or on with the CAs to trust (the system's when `ca` is absent). */
  ssl: false | { ca?: string[] };
  /** SASL authentication (kafkajs's `sasl`), or none. Holds the password: never log it. */
  sasl: null | KafkaSasl;
}

export type KafkaConfig = z.infer<typeof KafkaEnvSchema>;
/** The service's validated KAFKA_* settings, for `KafkaModule.forRootAsync({ inject: [KAFKA_CONFIG], … })`. */
export const KAFKA_CONFIG = Symbol('KAFKA_CONFIG');

/**
 * The Kafka settings in `env`, for code outside Nest (the CLI, tests). Any variable may be given as
 * a file, `NAME_FILE` (a mounted secret, as KAFKA_SASL_PASSWORD_FILE). Problems are refused the way
 * parseConfig refuses them, one line per variable; the password itself never appears.
 */
export function kafkaOptionsFromEnv(clientId: string, env: NodeJS.ProcessEnv = process.env): KafkaOptions {
  return kafkaOptions(parseConfig(KafkaEnvSchema, env), clientId);
}

/** The client options of validated settings; reads the KAFKA_SSL_CA_FILE bundle, refusing one it cannot use. */
export function kafkaOptions(config: KafkaConfig, clientId: string): KafkaOptions {
  const problems: string[] = [];
  const ca = config.KAFKA_SSL_CA_FILE !== '' ? readCaFile(config.KAFKA_SSL_CA_FILE, problems) : undefined;
  if (problems.length > 0) throw invalidConfiguration(problems);
  return {
    brokers: config.KAFKA_BROKERS.split(',').map((broker) => broker.trim()).filter(Boolean),
    clientId,
    topicNamespace: config.KAFKA_TOPIC_NAMESPACE,
    topicPartitions: config.KAFKA_TOPIC_PARTITIONS,
    topicReplicationFactor: config.KAFKA_TOPIC_REPLICATION_FACTOR,
    consumerGroupPrefix: config.KAFKA_CONSUMER_GROUP_PREFIX,
    batchSize: config.KAFKA_BATCH_SIZE,
    concurrentPartitions: config.KAFKA_CONCURRENT_PARTITIONS,
    fetchMinBytes: config.KAFKA_FETCH_MIN_BYTES,
    fetchMaxWaitMs: config.KAFKA_FETCH_MAX_WAIT_MS,
    maxAttempts: config.KAFKA_MAX_ATTEMPTS,
    sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
    shutdownTimeoutMs: config.KAFKA_SHUTDOWN_TIMEOUT_MS,
    connectTimeoutMs: config.KAFKA_CONNECT_TIMEOUT_MS,
    ssl: ca !== undefined ? { ca: [ca] } : config.KAFKA_SSL ? {} : false,
    sasl:
      config.KAFKA_SASL_MECHANISM === ''
        ? null
        : { mechanism: config.KAFKA_SASL_MECHANISM, username: config.KAFKA_SASL_USERNAME, password: config.KAFKA_SASL_PASSWORD },
  };
}

/** The PEM bundle at `file`, or undefined with a problem naming KAFKA_SSL_CA_FILE when it cannot be read or holds no certificate. */
function readCaFile(file: string, problems: string[]): string | undefined {
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (error) {
    problems.push(`KAFKA_SSL_CA_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    return undefined;
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
    problems.push(`KAFKA_SSL_CA_FILE: ${file} holds no PEM certificate`);
    return undefined;
  }
  return pem;
}
