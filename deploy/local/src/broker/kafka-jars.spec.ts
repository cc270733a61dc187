import { libsMarkerFor } from './kafka-jars';

describe('libsMarkerFor', () => {
  const pom = '<project><properties><kafka.version> 3.9.1 </kafka.version></properties></project>';

  it('names the pinned Kafka version', () => {
    expect(libsMarkerFor(pom).kafkaVersion).toBe('3.9.1');
    expect(libsMarkerFor(pom).content).toMatch(/^kafka 3\.9\.1\npom sha256 [0-9a-f]{64}\n$/);
  });

  it('changes with any change to the pom, so the jars are resolved again', () => {
    expect(libsMarkerFor(`${pom}\n<!-- reload4j bumped -->`).content).not.toBe(libsMarkerFor(pom).content);
  });

  it('says unknown for a pom without a kafka.version', () => {
    expect(libsMarkerFor('<project/>').kafkaVersion).toBe('unknown');
  });
});
