import { advertisedBrokerPort, propertyValue, serverPropertiesText } from './server-properties';

describe('serverPropertiesText', () => {
  const text = serverPropertiesText({ broker: 19092, controller: 19093 }, '/state/kafka/data');
  const lines = text.split('\n');

  it('runs one node as broker and controller on the ports asked for, loopback only', () => {
    expect(lines).toEqual(
      expect.arrayContaining([
        'process.roles=broker,controller',
        'node.id=1',
        'controller.quorum.voters=1@127.0.0.1:19093',
        'listeners=PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093',
        'advertised.listeners=PLAINTEXT://127.0.0.1:19092',
        'controller.listener.names=CONTROLLER',
      ]),
    );
  });

  it('keeps the data in the state dir given', () => {
    expect(lines).toContain('log.dirs=/state/kafka/data');
  });

  it('gives internal topics one replica and creates no topic on its own', () => {
    expect(lines).toEqual(
      expect.arrayContaining([
        'offsets.topic.replication.factor=1',
        'transaction.state.log.replication.factor=1',
        'transaction.state.log.min.isr=1',
        'auto.create.topics.enable=false',
        'group.initial.rebalance.delay.ms=0',
      ]),
    );
  });

  it('accepts messages of 8 MB', () => {
    expect(propertyValue(text, 'message.max.bytes')).toBe('8388608');
    expect(propertyValue(text, 'replica.fetch.max.bytes')).toBe('8388608');
  });

  it('is read back as the port the broker was started with', () => {
    expect(advertisedBrokerPort(text)).toBe(19092);
  });
});

describe('advertisedBrokerPort', () => {
  it('is null without a server.properties or an advertised PLAINTEXT listener', () => {
    expect(advertisedBrokerPort(null)).toBeNull();
    expect(advertisedBrokerPort('listeners=PLAINTEXT://127.0.0.1:9092\n')).toBeNull();
  });
});

describe('propertyValue', () => {
  it('reads a dotted key literally, not as a pattern', () => {
    const metaProperties = 'clusterXid=wrong\ncluster.id=Xw3tDkq1SBm0bKQmhZ5O1A\nversion=1\n';
    expect(propertyValue(metaProperties, 'cluster.id')).toBe('Xw3tDkq1SBm0bKQmhZ5O1A');
  });

  it('is null for a missing key or file', () => {
    expect(propertyValue('version=1\n', 'cluster.id')).toBeNull();
    expect(propertyValue(null, 'cluster.id')).toBeNull();
  });
});
