import { ApiKeyStore, API_READER_ROLE } from '@wirestream/db';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { asApiReader } from '@wirestream/harness';
import { startTestPipeline, type TestPipeline } from './test-pipeline';

/**
 * The attack suite: each way in that the security issue names, tried against the running fetcher
 * and API processes (real broker, real Postgres), and each refusal checked with its status and,
 * where the service logs it, its log line.
 */
const ADMIN_TOKEN = 'attack-suite-admin-token-0123456789';
const RATE_LIMIT = 30;

describe('security: admin surface, API access, least privilege', () => {
  let test: TestPipeline;
  let fetcherHealth: string;
  let fetcherAdmin: string;
  let api: string;
  let keys: ApiKeyStore;
  let apiKey: string;
  let dropRoot: string;
  let privateDir: string;
  const fetcherLog = () => readFileSync(test.pipeline.instances.find((instance) => instance.service === 'fetcher')!.logFile, 'utf8');
  const apiLog = () => readFileSync(test.pipeline.instances.find((instance) => instance.service === 'api')!.logFile, 'utf8');
  const eventually = async (read: () => string, pattern: RegExp) => {
    const deadline = Date.now() + 5_000;
    while (!pattern.test(read()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(read()).toMatch(pattern);
  };

  beforeAll(async () => {
    const base = mkdtempSync(path.join(tmpdir(), 'wirestream-attack-'));
    dropRoot = path.join(base, 'drops');
    privateDir = path.join(base, 'private');
    mkdirSync(path.join(dropRoot, 'desk'), { recursive: true });
    mkdirSync(privateDir);
    writeFileSync(path.join(privateDir, 'credentials.txt'), 'SEOUL, Jan 6 (Yonhap) -- The password is hunter2, the server said on Monday.\n');
    test = await startTestPipeline(
      'security',
      {
        ADMIN_TOKEN,
        FETCHER_DROP_ROOTS: dropRoot,
        FETCHER_FEED_ALLOW_ADDRESS_RANGES: 'loopback',
        API_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
        LOG_LEVEL: 'log',
      },
      { withApi: true },
    );
    const fetcher = test.pipeline.instances.find((instance) => instance.service === 'fetcher')!;
    fetcherHealth = new URL(fetcher.healthUrl).origin;
    fetcherAdmin = `http://127.0.0.1:${readFileSync(fetcher.adminPortFile, 'utf8')}`;
    api = test.pipeline.apiUrl!;
    keys = new ApiKeyStore(test.db);
    apiKey = (await keys.create('attack-suite')).token;
  }, 180_000);

  afterAll(async () => {
    await test?.stop();
  }, 60_000);

  const post = (base: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/sources`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const privateDrop = () => ({ id: 'exfiltrate', kind: 'file-drop', path: privateDir });

  describe('fetcher admin routes', () => {
    it('are not served on HTTP_PORT, with a token or without (404)', async () => {
      expect((await post(fetcherHealth, privateDrop())).status).toBe(404);
      expect((await post(fetcherHealth, privateDrop(), bearer(ADMIN_TOKEN))).status).toBe(404);
      expect((await fetch(`${fetcherHealth}/sources`)).status).toBe(404);
    });

    it('refuse a request without the token, or with a wrong one (401), and log it', async () => {
      const anonymous = await post(fetcherAdmin, privateDrop());
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
      expect((await post(fetcherAdmin, privateDrop(), bearer(`${ADMIN_TOKEN}x`))).status).toBe(401);
      expect((await fetch(`${fetcherAdmin}/sources`)).status).toBe(401);
      await eventually(fetcherLog, /admin POST \/sources → 401 by unauthenticated from 127\.0\.0\.1: refused, an Authorization: Bearer <admin token> header is required/);
      await eventually(fetcherLog, /admin POST \/sources → 401 by unauthenticated from 127\.0\.0\.1: refused, the admin token is not valid/);
    });

    it('refuse a form-encoded body (415) even with the token', async () => {
      const response = await fetch(`${fetcherAdmin}/sources`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...bearer(ADMIN_TOKEN) },
        body: new URLSearchParams({ id: 'x', kind: 'file-drop', path: privateDir }).toString(),
      });
      expect(response.status).toBe(415);
      await eventually(fetcherLog, /admin POST \/sources → 415 by token sha256:[0-9a-f]{12} from 127\.0\.0\.1: refused, admin requests take JSON bodies only/);
    });

    it('refuse a file-drop path outside FETCHER_DROP_ROOTS (400 naming path), and read nothing from it', async () => {
      for (const attempt of [privateDir, `${dropRoot}/../private`, '/']) {
        const response = await post(fetcherAdmin, { id: 'exfiltrate', kind: 'file-drop', path: attempt }, bearer(ADMIN_TOKEN));
        expect(response.status).toBe(400);
        expect(((await response.json()) as { message: string }).message).toMatch(/^path: /);
      }
      await eventually(fetcherLog, /admin POST \/sources → 400 by token sha256:[0-9a-f]{12} from 127\.0\.0\.1: source refused: path: .* is not under FETCHER_DROP_ROOTS/);
      const listed = (await (await fetch(`${fetcherAdmin}/sources`, { headers: bearer(ADMIN_TOKEN) })).json()) as Array<{ id: string }>;
      expect(listed.map((source) => source.id)).not.toContain('exfiltrate');
    });

    it('refuse address ranges beyond the operator ceiling (400 naming allowAddressRanges)', async () => {
      const response = await post(fetcherAdmin, { id: 'intranet', kind: 'feed', url: 'http://10.0.0.1/feed.xml', allowAddressRanges: ['loopback', 'private'] }, bearer(ADMIN_TOKEN));
      expect(response.status).toBe(400);
      expect(((await response.json()) as { message: string }).message).toMatch(/^allowAddressRanges: private not allowed by the operator/);
    });

    it('accept a source within the ceiling (201) and log who added what', async () => {
      const response = await post(fetcherAdmin, { id: 'desk', kind: 'file-drop', path: path.join(dropRoot, 'desk') }, bearer(ADMIN_TOKEN));
      expect(response.status).toBe(201);
      await eventually(fetcherLog, /admin POST \/sources → 201 by token sha256:[0-9a-f]{12} from 127\.0\.0\.1: added source desk \(file-drop .*desk\)/);
    });
  });

  describe('query API', () => {
    it('refuses a request without a key, with a malformed, unknown or revoked key (401), and logs why', async () => {
      const revoked = await keys.create('attack-suite-revoked');
      expect((await fetch(`${api}/articles`, { headers: bearer(revoked.token) })).status).toBe(200);
      expect(await keys.revoke('attack-suite-revoked')).toBe(true);
      const unknown = apiKey.replace(/^wsk_[0-9a-f]{12}/, 'wsk_000000000000');
      const wrongSecret = `${apiKey.slice(0, -4)}${apiKey.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
      for (const headers of [{}, bearer('not-a-key'), bearer(unknown), bearer(wrongSecret), bearer(revoked.token), { authorization: apiKey }]) {
        const response = await fetch(`${api}/articles`, { headers });
        expect(response.status).toBe(401);
        expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      }
      for (const reason of ['no bearer token', 'malformed', 'unknown', 'wrong secret', 'revoked']) {
        await eventually(apiLog, new RegExp(`api request refused 401: ${reason} \\(GET /articles from 127\\.0\\.0\\.1\\)`));
      }
    });

    it('answers a valid key, records its use, and leaves health and docs open', async () => {
      expect((await fetch(`${api}/articles`, { headers: bearer(apiKey) })).status).toBe(200);
      expect((await fetch(`${api}/health/ready`)).status).toBe(200);
      expect((await fetch(`${api}/docs-json`)).status).toBe(200);
      const deadline = Date.now() + 5_000;
      while (!(await keys.list()).find((key) => key.name === 'attack-suite')?.lastUsedAt && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await keys.list()).find((key) => key.name === 'attack-suite')?.lastUsedAt).toBeInstanceOf(Date);
    });

    it('sends security headers, no X-Powered-By, and no CORS grant to an unlisted origin', async () => {
      const response = await fetch(`${api}/articles`, { headers: { ...bearer(apiKey), origin: 'https://evil.example' } });
      expect(response.headers.get('x-powered-by')).toBeNull();
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      // A content security policy that keeps /docs working over plain HTTP: its scripts are its own files.
      expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
      expect(response.headers.get('content-security-policy')).not.toMatch(/upgrade-insecure-requests/);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect((await fetch(`${fetcherHealth}/health/live`)).headers.get('x-powered-by')).toBeNull();
    });

    it('answers a burst over the rate limit 429 with Retry-After, for that key only', async () => {
      const burst = (await keys.create('attack-suite-burst')).token;
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let index = 0; index < RATE_LIMIT + 5; index++) {
        const response = await fetch(`${api}/entities?q=x`, { headers: bearer(burst) });
        statuses.push(response.status);
        if (response.status === 429) retryAfter ??= response.headers.get('retry-after');
        await response.arrayBuffer();
      }
      expect(statuses.slice(0, RATE_LIMIT).every((status) => status === 200)).toBe(true);
      expect(statuses.slice(RATE_LIMIT)).toEqual(Array(5).fill(429));
      expect(Number(retryAfter)).toBeGreaterThan(0);
      expect((await fetch(`${api}/articles`, { headers: bearer(apiKey) })).status).toBe(200);
    });

    const routes = [
      ['/articles?q=', ''],
      ['/articles?source=', ''],
      ['/articles?agency=', ''],
      ['/entities?q=', ''],
      ['/articles/', ''],
      ['/entities/', ''],
      ['/stories/', ''],
      ['/articles?entity=', ''],
      ['/articles?cursor=', ''],
    ] as const;
    const hostile = [
      ['a NUL byte', 'seoul%00'],
      ['a lone surrogate', 'seoul%ED%A0%80'],
      ['invalid UTF-8', 'seoul%FF'],
      ['a 10 kB value', 'a'.repeat(10_240)],
    ] as const;
    it.each(routes.flatMap(([route]) => hostile.map(([what, value]) => [route, what, value] as const)))('answers %s with %s 400 naming the parameter', async (route, _what, value) => {
      const response = await fetch(`${api}${route}${value}`, { headers: bearer(apiKey) });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { problems: Array<{ parameter: string }> };
      const expected = route.includes('?') ? route.slice(route.indexOf('?') + 1, -1) : 'path';
      expect(body.problems.map((problem) => problem.parameter)).toContain(expected);
    });
  });

  describe("the API's database role", () => {
    it('may read but not write, drop or create: permission denied', async () => {
      const reader = new Client({ connectionString: asApiReader(test.databaseUrl) });
      await reader.connect();
      try {
        expect((await reader.query('SELECT current_user')).rows[0].current_user).toBe(API_READER_ROLE);
        expect((await reader.query('SELECT count(*) FROM articles')).rows).toHaveLength(1);
        const denied = async (sql: string) => {
          await reader.query('BEGIN READ WRITE');
          try {
            await expect(reader.query(sql)).rejects.toMatchObject({ code: '42501' });
          } finally {
            await reader.query('ROLLBACK');
          }
        };
        await denied(`INSERT INTO articles (article_id) VALUES ('00000000000000000000000000000000')`);
        await denied(`UPDATE api_keys SET revoked_at = NULL`);
        await denied(`DELETE FROM entities`);
        await denied(`DROP TABLE quotes`);
        await denied(`CREATE TABLE exfiltrated (x text)`);
        await denied(`CREATE ROLE intruder`);
      } finally {
        await reader.end();
      }
    });
  });
});
