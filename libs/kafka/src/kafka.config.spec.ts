import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { kafkaOptionsFromEnv } from './kafka.config';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIBtest\n-----END CERTIFICATE-----\n';

describe('kafkaOptionsFromEnv', () => {
  it('applies the documented defaults', () => {
    expect(kafkaOptionsFromEnv('svc', {})).toEqual({
      brokers: ['127.0.0.1:9092'],
      clientId: 'svc',
      topicNamespace: '',
      topicPartitions: 3,
      topicReplicationFactor: 1,
      consumerGroupPrefix: 'wirestream',
      batchSize: 200,
      concurrentPartitions: 16,
      fetchMinBytes: 32_768,
      fetchMaxWaitMs: 50,
      maxAttempts: 3,
      sessionTimeoutMs: 10_000,
      shutdownTimeoutMs: 15_000,
      connectTimeoutMs: 10_000,
      ssl: false,
      sasl: null,
    });
  });

  it('splits a broker list and reads numbers', () => {
    const options = kafkaOptionsFromEnv('svc', { KAFKA_BROKERS: 'a:1, b:2', KAFKA_TOPIC_PARTITIONS: '12', KAFKA_TOPIC_NAMESPACE: 'test-1' });
    expect(options).toMatchObject({ brokers: ['a:1', 'b:2'], topicPartitions: 12, topicNamespace: 'test-1' });
  });

  it('names every invalid variable', () => {
    expect(() => kafkaOptionsFromEnv('svc', { KAFKA_TOPIC_PARTITIONS: 'zero', KAFKA_TOPIC_NAMESPACE: 'bad name!' })).toThrow(
      /KAFKA_TOPIC_NAMESPACE: [\s\S]*\n {2}KAFKA_TOPIC_PARTITIONS: /,
    );
  });

  it("refuses in parseConfig's format: one line per variable, with its description and default", () => {
    expect(() => kafkaOptionsFromEnv('svc', { KAFKA_TOPIC_PARTITIONS: 'zero' })).toThrow(
      /^Invalid configuration:\n {2}KAFKA_TOPIC_PARTITIONS: .* \(got "zero"\) — Partitions for topics .* The default is KAFKA_TOPIC_PARTITIONS=3\.$/,
    );
  });

  describe('security', () => {
    let dir: string;
    beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'kafka-config-'))));
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    const file = (name: string, content: string) => {
      const filePath = path.join(dir, name);
      writeFileSync(filePath, content);
      return filePath;
    };
    const problemsOf = (env: NodeJS.ProcessEnv): string => {
      try {
        kafkaOptionsFromEnv('svc', env);
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('expected the configuration to be refused');
    };

    it('maps SCRAM with a user name and a password file to the sasl option, without TLS unless asked', () => {
      const options = kafkaOptionsFromEnv('svc', {
        KAFKA_SASL_MECHANISM: 'scram-sha-512',
        KAFKA_SASL_USERNAME: 'pipeline',
        KAFKA_SASL_PASSWORD_FILE: file('password', 's3cret\n'),
      });
      expect(options.sasl).toEqual({ mechanism: 'scram-sha-512', username: 'pipeline', password: 's3cret' });
      expect(options.ssl).toBe(false);
    });

    it('turns TLS on with the system CAs for KAFKA_SSL=true', () => {
      expect(kafkaOptionsFromEnv('svc', { KAFKA_SSL: 'true' }).ssl).toEqual({});
      expect(kafkaOptionsFromEnv('svc', { KAFKA_SSL: 'false' }).ssl).toBe(false);
    });

    it('trusts the CA of KAFKA_SSL_CA_FILE, which implies TLS', () => {
      expect(kafkaOptionsFromEnv('svc', { KAFKA_SSL_CA_FILE: file('ca.pem', PEM) }).ssl).toEqual({ ca: [PEM] });
    });

    it('allows PLAIN without TLS', () => {
      const options = kafkaOptionsFromEnv('svc', { KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' });
      expect(options).toMatchObject({ ssl: false, sasl: { mechanism: 'plain', username: 'u', password: 'p' } });
    });

    it('refuses a mechanism without a user name or password, naming each missing one', () => {
      expect(problemsOf({ KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_PASSWORD: 'p' })).toMatch(/KAFKA_SASL_USERNAME: required/);
      expect(problemsOf({ KAFKA_SASL_MECHANISM: 'scram-sha-256', KAFKA_SASL_USERNAME: 'u' })).toMatch(/KAFKA_SASL_PASSWORD: required/);
      const both = problemsOf({ KAFKA_SASL_MECHANISM: 'scram-sha-256' });
      expect(both).toMatch(/KAFKA_SASL_USERNAME: required/);
      expect(both).toMatch(/KAFKA_SASL_PASSWORD: required/);
    });

    it('refuses a user name or password without a mechanism, naming KAFKA_SASL_MECHANISM', () => {
      expect(problemsOf({ KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' })).toMatch(/KAFKA_SASL_MECHANISM: required/);
      expect(problemsOf({ KAFKA_SASL_USERNAME: 'u' })).toMatch(/KAFKA_SASL_MECHANISM: required/);
      expect(problemsOf({ KAFKA_SASL_PASSWORD: 'p' })).toMatch(/KAFKA_SASL_MECHANISM: required/);
    });

    it('refuses an unknown mechanism and a KAFKA_SSL other than true or false', () => {
      expect(problemsOf({ KAFKA_SASL_MECHANISM: 'gssapi', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' })).toMatch(/KAFKA_SASL_MECHANISM:/);
      expect(problemsOf({ KAFKA_SSL: 'yes' })).toMatch(/KAFKA_SSL:/);
    });

    it('refuses an unreadable CA file or one without a certificate, naming KAFKA_SSL_CA_FILE', () => {
      expect(problemsOf({ KAFKA_SSL_CA_FILE: path.join(dir, 'missing.pem') })).toMatch(/KAFKA_SSL_CA_FILE: cannot read .*missing\.pem \(ENOENT\)/);
      expect(problemsOf({ KAFKA_SSL_CA_FILE: file('empty.pem', '') })).toMatch(/^Invalid configuration:\n {2}KAFKA_SSL_CA_FILE: .*holds no PEM certificate$/);
    });

    it('reports a password file problem with the schema problems, and never the password', () => {
      const message = problemsOf({
        KAFKA_SASL_MECHANISM: 'plain',
        KAFKA_SASL_USERNAME: 'u',
        KAFKA_SASL_PASSWORD: 'in-the-environment',
        KAFKA_SASL_PASSWORD_FILE: file('password', 'in-a-file'),
        KAFKA_TOPIC_PARTITIONS: 'zero',
      });
      expect(message).toMatch(/KAFKA_SASL_PASSWORD_FILE: set either KAFKA_SASL_PASSWORD or KAFKA_SASL_PASSWORD_FILE/);
      expect(message).toMatch(/KAFKA_TOPIC_PARTITIONS:/);
      expect(message).not.toMatch(/in-the-environment|in-a-file/);
      expect(problemsOf({ KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD_FILE: path.join(dir, 'none') })).toMatch(
        /KAFKA_SASL_PASSWORD_FILE: cannot read/,
      );
    });
  });

  it.each([
    ['nonsense', /KAFKA_BROKERS: "nonsense" is not host:port: give host:port, e\.g\. 127\.0\.0\.1:9092/],
    ['kafka:0', /KAFKA_BROKERS: "kafka:0" has port 0, outside 1-65535/],
    ['kafka:9092,kafka:99999', /KAFKA_BROKERS: "kafka:99999" has port 99999/],
    [' , ', /KAFKA_BROKERS: names no broker/],
  ])('names KAFKA_BROKERS=%j with its problem and an example', (brokers, message) => {
    expect(() => kafkaOptionsFromEnv('svc', { KAFKA_BROKERS: brokers })).toThrow(message);
  });

  it('accepts host names and IPv4 addresses', () => {
    expect(kafkaOptionsFromEnv('svc', { KAFKA_BROKERS: 'kafka-0.kafka.svc:9092, 10.0.0.1:9093' }).brokers).toEqual(['kafka-0.kafka.svc:9092', '10.0.0.1:9093']);
  });
});
