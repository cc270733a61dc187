import { apiMetrics } from '@wirestream/telemetry';
import type { NextFunction, Request, Response } from 'express';

/** Routes not counted: probes and scrapes would drown the queries (and /metrics would count itself). */
const UNCOUNTED = /^\/(health|metrics)(\/|$)/;

/**
 * Counts each answered request by its route template (`/articles/:id`, never the path itself,
 * whose ids are unbounded) and status class, and times it. A request no route matched (404,
 * or refused before routing: 400, 401, 429) is counted under `unmatched`.
 */
export function requestMetrics() {
  return (request: Request, response: Response, next: NextFunction): void => {
    if (UNCOUNTED.test(request.path)) return next();
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const route = routeTemplate(request);
      apiMetrics.requests.inc({ route, status_class: statusClass(response.statusCode) });
      apiMetrics.requestSeconds.observe({ route }, Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  };
}

export function routeTemplate(request: Pick<Request, 'route' | 'baseUrl'>): string {
  const path = (request.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? `${request.baseUrl ?? ''}${path}` : 'unmatched';
}

export function statusClass(status: number): string {
  return status >= 100 && status < 600 ? `${Math.floor(status / 100)}xx` : 'other';
}
