import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { type RunningPipeline, serviceEntryPoint, startPipeline, STATE_DIR } from '@wirestream/harness';

/** An operator's mistakes at start: each is named in one line, and an unreachable broker is seen, not silent. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('a service started with a broker it cannot reach', () => {
  let pipeline: RunningPipeline;
  let brokers: string;

  beforeAll(async () => {
    brokers = `127.0.0.1:${await closedPort()}`;
    pipeline = await startPipeline({
      env: { KAFKA_BROKERS: brokers, KAFKA_CONNECT_TIMEOUT_MS: '1000', LOG_LEVEL: 'log' },
      services: ['normalizer'],
      waitForReady: false,
      logDir: path.join(STATE_DIR, 'logs', `test-startup-${Date.now()}`),
    });
  }, 60_000);

  afterAll(async () => {
    await pipeline?.stop();
  }, 30_000);

  it('opens its health port at once: live, not ready, saying the broker is unreachable, and logs it', async () => {
    const [normalizer] = pipeline.instances;
    expect((await fetch(normalizer.healthUrl.replace('/ready', '/live'))).status).toBe(200);
    const deadline = Date.now() + 15_000;
    let ready = await fetch(normalizer.healthUrl);
    let body = await ready.text();
    while (!body.includes('not reachable') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      ready = await fetch(normalizer.healthUrl);
      body = await ready.text();
    }
    expect(ready.status).toBe(503);
    expect(body).toContain(`Kafka at ${brokers} not reachable within 1000 ms (KAFKA_BROKERS): still trying`);
    expect(readFileSync(normalizer.logFile, 'utf8')).toContain(`Kafka at ${brokers} not reachable within 1000 ms`);
  }, 30_000);
});

describe('a service started with a bad variable', () => {
  const start = (service: 'normalizer' | 'fetcher', env: Record<string, string>) =>
    spawnSync(process.execPath, [serviceEntryPoint(service)], { env: { ...process.env, HTTP_PORT: '0', NO_COLOR: '1', ...env }, encoding: 'utf8', timeout: 30_000 });

  it.each([
    ['normalizer', { KAFKA_BROKERS: 'nonsense' }, /KAFKA_BROKERS: "nonsense" is not host:port: give host:port, e\.g\. 127\.0\.0\.1:9092/],
    ['fetcher', { FETCHER_FEED_URLS: 'notaurl' }, /FETCHER_FEED_URLS: "notaurl" is not an http\(s\) URL/],
    ['fetcher', { FETCHER_FEED_URLS: 'http://127.0.0.1:8765/x.rss', FETCHER_FEED_ALLOW_ADDRESS_RANGES: 'everything' }, /FETCHER_FEED_ALLOW_ADDRESS_RANGES/],
  ] as const)('%s with %j exits 1, naming the variable in its error line', (service, env, message) => {
    const result = start(service, env);
    expect(result.status).toBe(1);
    const output = `${result.stdout}${result.stderr}`;
    // Log lines are JSON once the service's logger is up; what a person reads is each line's msg.
    const messages = output.split('\n').filter(Boolean).map((line) => {
      try {
        return String((JSON.parse(line) as { msg?: unknown }).msg ?? line);
      } catch {
        return line;
      }
    });
    const errorLines = messages.filter((line) => /failed to start/.test(line));
    expect(errorLines).toHaveLength(1);
    expect(errorLines[0]).toMatch(message);
    expect(output).not.toMatch(/ZodError|TypeError|\\n\s+at |^\s+at /m);
  });
});
