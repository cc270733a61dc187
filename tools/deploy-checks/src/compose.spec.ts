import { REPO_ROOT } from '@wirestream/harness';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';

interface ComposeService {
  ports?: string[];
  environment?: Record<string, string | number>;
  volumes?: string[];
}

/** docker-compose.yml, for users with Docker: what it exposes, checked without Docker. */
describe('docker-compose.yml', () => {
  const compose = parseYaml(readFileSync(path.join(REPO_ROOT, 'docker-compose.yml'), 'utf8')) as { services: Record<string, ComposeService> };
  const services = Object.entries(compose.services);

  it('publishes every port on 127.0.0.1 only', () => {
    const published = services.flatMap(([name, service]) => (service.ports ?? []).map((port) => `${name} ${port}`));
    expect(published.length).toBeGreaterThan(5);
    expect(published.filter((entry) => !/^\S+ 127\.0\.0\.1:\d+:\d+$/.test(entry))).toEqual([]);
  });

  it("publishes the broker's EXTERNAL listener on the port it advertises, for this machine's CLI", () => {
    const kafka = compose.services.kafka;
    const advertised = String(kafka.environment?.KAFKA_ADVERTISED_LISTENERS).split(',');
    const external = advertised.find((listener) => listener.startsWith('EXTERNAL://'));
    expect(external).toBe('EXTERNAL://127.0.0.1:9094');
    expect(kafka.ports).toContain('127.0.0.1:9094:9094');
    expect(String(kafka.environment?.KAFKA_LISTENER_SECURITY_PROTOCOL_MAP)).toContain('EXTERNAL:PLAINTEXT');
  });

  it('mounts the dashboard and alert rules that exist', () => {
    const mounted = services.flatMap(([, service]) => (service.volumes ?? []).map((volume) => volume.split(':')[0])).filter((source) => source.startsWith('./deploy/'));
    expect(mounted.length).toBeGreaterThanOrEqual(4);
    for (const source of mounted) expect(() => readFileSync(path.join(REPO_ROOT, source.endsWith('provisioning') ? path.join(source, 'datasources', 'prometheus.yaml') : source))).not.toThrow();
  });
});
