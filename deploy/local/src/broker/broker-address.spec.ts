import { InfraError } from '../infra-error';
import { firstExternalBroker, localKafkaPorts, parseBrokerAddress } from './broker-address';

describe('parseBrokerAddress', () => {
  it('reads host and port', () => {
    expect(parseBrokerAddress('kafka.internal:19092')).toEqual({ host: 'kafka.internal', port: 19092 });
  });

  it('drops a listener scheme and surrounding spaces', () => {
    expect(parseBrokerAddress('  PLAINTEXT://127.0.0.1:9192 ')).toEqual({ host: '127.0.0.1', port: 9192 });
    expect(parseBrokerAddress('sasl_ssl://broker:9093')).toEqual({ host: 'broker', port: 9093 });
  });

  it('reads a bracketed IPv6 address', () => {
    expect(parseBrokerAddress('[::1]:9094')).toEqual({ host: '::1', port: 9094 });
  });

  it('defaults to port 9092 when none is given', () => {
    expect(parseBrokerAddress('broker')).toEqual({ host: 'broker', port: 9092 });
    expect(parseBrokerAddress('[::1]')).toEqual({ host: '::1', port: 9092 });
  });

  it('refuses an address it cannot read, naming it', () => {
    expect(() => parseBrokerAddress('a:b:c')).toThrow(InfraError);
    expect(() => parseBrokerAddress('a:b:c')).toThrow('Cannot parse broker address "a:b:c"');
  });
});

describe('firstExternalBroker', () => {
  it('checks the first broker of a KAFKA_BROKERS list', () => {
    expect(firstExternalBroker('one:9101,two:9102')).toEqual({ host: 'one', port: 9101 });
  });
});

describe('localKafkaPorts', () => {
  it('uses 9092 and the next port for the controller when WIRESTREAM_KAFKA_PORT is unset', () => {
    expect(localKafkaPorts(undefined)).toEqual({ broker: 9092, controller: 9093 });
  });

  it('puts the controller on the port after the one asked for', () => {
    expect(localKafkaPorts('19092')).toEqual({ broker: 19092, controller: 19093 });
  });

  it.each(['0', '65535', 'kafka', '90.5'])('refuses %s as a port', (setting) => {
    expect(() => localKafkaPorts(setting)).toThrow(`WIRESTREAM_KAFKA_PORT must be a port number (1-65534), got "${setting}".`);
  });
});
