import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/** The first 12 hex digits of the token's SHA-256: enough to tell tokens apart in logs, useless to an attacker. */
export function tokenFingerprint(token: string): string {
  return `sha256:${createHash('sha256').update(token).digest('hex').slice(0, 12)}`;
}

/** Constant-time comparison: both sides are hashed first, so neither length nor content leaks through timing. */
export function tokensMatch(presented: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

const ACTION = Symbol('wirestream.adminAction');

/** Lets an admin route say what it did, for the audit line written when the response is sent. */
export function recordAdminAction(request: unknown, action: string): void {
  (request as Record<symbol, string>)[ACTION] = action;
}

export interface AdminGateOptions {
  token: string;
  /** Receives one audit line per admin request: what, by whom, from where, with what outcome. */
  log: (line: string) => void;
}

/**
 * Express middleware in front of every admin route, in this order: an audit line for every
 * request, whatever its fate; `Authorization: Bearer <token>` (401 otherwise); a body, if any,
 * only as JSON (415 otherwise: a plain HTML form on any web page can post url-encoded or
 * multipart bodies cross-site without a CORS preflight, a JSON body cannot).
 */
export function adminGate(options: AdminGateOptions) {
  const fingerprint = tokenFingerprint(options.token);
  return (request: Request, response: Response, next: NextFunction): void => {
    const remoteAddress = request.socket.remoteAddress ?? 'unknown';
    let actor = 'unauthenticated';
    let refusal: string | null = null;
    response.on('finish', () => {
      const action = (request as unknown as Record<symbol, string | undefined>)[ACTION];
      options.log(`admin ${request.method} ${request.path} → ${response.statusCode} by ${actor} from ${remoteAddress}${refusal ? `: refused, ${refusal}` : action ? `: ${action}` : ''}`);
    });
    const refuse = (status: number, error: string, reason: string, headers: Record<string, string> = {}) => {
      refusal = reason;
      response.status(status).set(headers).json({ statusCode: status, error, message: reason });
    };

    const [scheme, presented] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !presented) return refuse(401, 'Unauthorized', 'an Authorization: Bearer <admin token> header is required', { 'WWW-Authenticate': 'Bearer' });
    if (!tokensMatch(presented, options.token)) return refuse(401, 'Unauthorized', 'the admin token is not valid', { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
    actor = `token ${fingerprint}`;

    const hasBody = Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
    const mediaType = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (hasBody && mediaType !== 'application/json') return refuse(415, 'Unsupported Media Type', `admin requests take JSON bodies only (Content-Type: application/json), not ${mediaType || 'an unlabelled body'}`);
    next();
  };
}
