import { apiMetrics } from '@wirestream/telemetry';
import { EventEmitter } from 'node:events';
import type { Request, Response } from 'express';
import { requestMetrics, routeTemplate, statusClass } from './request-metrics.middleware';

function exchange(path: string, route: string | undefined, status: number) {
  const request = { path, baseUrl: '', route: route === undefined ? undefined : { path: route } } as unknown as Request;
  const response = Object.assign(new EventEmitter(), { statusCode: status }) as unknown as Response;
  let nextCalled = false;
  requestMetrics()(request, response, () => (nextCalled = true));
  (response as unknown as EventEmitter).emit('finish');
  return nextCalled;
}

async function count(route: string, status_class: string): Promise<number> {
  const metric = await apiMetrics.requests.get();
  return metric.values.find((value) => value.labels.route === route && value.labels.status_class === status_class)?.value ?? 0;
}

describe('request metrics', () => {
  it('counts a request by its route template and status class, not its path', async () => {
    const before = await count('/articles/:id', '2xx');
    expect(exchange('/articles/abc123', '/articles/:id', 200)).toBe(true);
    expect(await count('/articles/:id', '2xx')).toBe(before + 1);
  });

  it('counts an unrouted request as unmatched and leaves health and metrics out', async () => {
    const unmatched = await count('unmatched', '4xx');
    exchange('/nowhere', undefined, 404);
    expect(await count('unmatched', '4xx')).toBe(unmatched + 1);
    const health = await count('unmatched', '2xx');
    exchange('/health/ready', undefined, 200);
    exchange('/metrics', undefined, 200);
    expect(await count('unmatched', '2xx')).toBe(health);
  });

  it('names status classes', () => {
    expect([200, 204, 304, 400, 429, 500, 503, 99].map(statusClass)).toEqual(['2xx', '2xx', '3xx', '4xx', '4xx', '5xx', '5xx', 'other']);
    expect(routeTemplate({ baseUrl: '/v1', route: { path: '/stories/:id' } } as never)).toBe('/v1/stories/:id');
  });
});
