import path from 'node:path';
import { REPO_ROOT } from '../state-paths';
import { describeDatabaseStatus, describeKafkaStatus, describeTraceViewerStatus } from './status-lines';

describe('describeKafkaStatus', () => {
  const local = {
    mode: 'local' as const,
    brokers: '127.0.0.1:9092',
    running: false,
    pid: null,
    portInUseByOther: false,
    logFile: path.join(REPO_ROOT, '.wirestream/kafka/broker.log'),
    dataDir: path.join(REPO_ROOT, '.wirestream/kafka/data'),
  };

  it('names the pid and the log, relative to the repository, of a broker it runs', () => {
    expect(describeKafkaStatus({ ...local, running: true, pid: 4242 })).toBe(
      'Kafka:    running at 127.0.0.1:9092 (pid 4242), log .wirestream/kafka/broker.log',
    );
  });

  it('tells a broker it did not start (another checkout, a system service) from none', () => {
    expect(describeKafkaStatus({ ...local, portInUseByOther: true })).toMatch(/^Kafka: {4}not running; 127\.0\.0\.1:9092 is in use by a process .* did not start$/);
    expect(describeKafkaStatus(local)).toBe('Kafka:    not running (would use 127.0.0.1:9092)');
  });

  it('says a broker of ours that is alive but not listening is starting or stopping', () => {
    expect(describeKafkaStatus({ ...local, pid: 4242 })).toBe(
      'Kafka:    starting or stopping (pid 4242), not accepting connections on 127.0.0.1:9092',
    );
  });

  it('reports an external broker from KAFKA_BROKERS', () => {
    const external = { mode: 'external' as const, brokers: 'kafka:9092', pid: null, portInUseByOther: false as const };
    expect(describeKafkaStatus({ ...external, running: true })).toBe('Kafka:    kafka:9092 (KAFKA_BROKERS) accepts connections');
    expect(describeKafkaStatus({ ...external, running: false })).toBe('Kafka:    kafka:9092 (KAFKA_BROKERS) is NOT reachable');
  });
});

describe('describeDatabaseStatus', () => {
  it('lists present and missing databases', () => {
    const status = { reachable: true, where: '127.0.0.1:5432', existing: ['wirestream'], missing: ['wirestream_test'], error: null };
    expect(describeDatabaseStatus(status)).toBe('Postgres: reachable at 127.0.0.1:5432; wirestream present, wirestream_test MISSING');
  });

  it('gives the reason an unreachable server was not reached', () => {
    const status = { reachable: false, where: null, existing: [], missing: ['wirestream'], error: 'Postgres not reachable at db:5432 — start it, or set DATABASE_URL.' };
    expect(describeDatabaseStatus(status)).toBe('Postgres: Postgres not reachable at db:5432 — start it, or set DATABASE_URL.');
  });
});

describe('describeTraceViewerStatus', () => {
  const stopped = { uiUrl: 'http://127.0.0.1:9411/zipkin/', running: false, pid: null, logFile: path.join(REPO_ROOT, '.wirestream/zipkin/zipkin.log') };

  it('names the UI, pid and log of a viewer it runs', () => {
    expect(describeTraceViewerStatus({ ...stopped, running: true, pid: 77 })).toBe(
      'Traces:   Zipkin at http://127.0.0.1:9411/zipkin/ (pid 77), log .wirestream/zipkin/zipkin.log',
    );
  });

  it('tells a viewer it did not start, one still starting, and none', () => {
    expect(describeTraceViewerStatus({ ...stopped, running: true })).toMatch(/did not start answers at http:\/\/127\.0\.0\.1:9411\/zipkin\/$/);
    expect(describeTraceViewerStatus({ ...stopped, pid: 77 })).toMatch(/^Traces: {3}starting or stopping \(pid 77\)/);
    expect(describeTraceViewerStatus(stopped)).toMatch(/not running .*infra:up -- --traces/);
  });
});
