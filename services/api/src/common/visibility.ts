import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { readable as readableBy } from '@wirestream/db';
import type { AuthenticatedRequest } from '../security/api-key.guard';

/** The SQL conditions of what may be shown (see libs/db/src/articles/wire-visibility.ts). */
export { current, listed, notKilled, released } from '@wirestream/db';

/**
 * Who is asking, as far as wire copy goes: whether their API key may see embargoed copy, and
 * killed copy. Nothing is permitted without a key saying so (nor with API_AUTH=off).
 */
export interface Viewer {
  seesEmbargoed: boolean;
  seesKilled: boolean;
}

export const PUBLIC_VIEWER: Viewer = { seesEmbargoed: false, seesKilled: false };

export function viewerOf(request: AuthenticatedRequest): Viewer {
  const permissions = request.apiKey?.permissions ?? [];
  return { seesEmbargoed: permissions.includes('embargoed'), seesKilled: permissions.includes('killed') };
}

/** The request's Viewer, as a handler parameter. */
export const RequestViewer = createParamDecorator((_data: unknown, context: ExecutionContext): Viewer => viewerOf(context.switchToHttp().getRequest<AuthenticatedRequest>()));

/** Readable by this viewer: see `readable` in @wirestream/db. */
export function readable(a: string, seesEmbargoed: string, viewer: Viewer): string {
  return readableBy(a, seesEmbargoed, viewer.seesKilled);
}
