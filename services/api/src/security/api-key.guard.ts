import { Inject, Injectable, Logger, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiKeyStore, type ApiKeyPermission } from '@wirestream/db';
import { OPEN_ROUTE } from '@wirestream/service-kit';
import type { Request, Response } from 'express';
import { API_CONFIG, type ApiConfig } from '../api.config';

/** How often a key's last-used time is written, at most: a write per request would be a write per read. */
export const LAST_USED_RESOLUTION_MS = 60_000;

/** The key a request was let in with, for the rate limiter and the logs. */
export interface AuthenticatedRequest extends Request {
  apiKey?: { name: string; keyId: string; permissions: ApiKeyPermission[] };
}

/**
 * With API_AUTH=keys, every route not marked open (health, metrics) needs `Authorization: Bearer
 * <api key>`; a missing, malformed, unknown, revoked or wrong key is answered 401 alike, and logged
 * with its reason.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly logger = new Logger('ApiAuth');
  private readonly lastTouched = new Map<string, number>();

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly keys: ApiKeyStore,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.config.API_AUTH === 'off') return true;
    if (this.reflector.getAllAndOverride<boolean>(OPEN_ROUTE, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    const verdict = scheme === 'Bearer' && token ? await this.keys.verify(token) : ({ ok: false, reason: 'no bearer token' } as const);
    if (!verdict.ok) {
      this.logger.warn(`api request refused 401: ${verdict.reason} (${request.method} ${request.path} from ${request.socket.remoteAddress})`);
      context.switchToHttp().getResponse<Response>().setHeader('WWW-Authenticate', verdict.reason === 'no bearer token' ? 'Bearer' : 'Bearer error="invalid_token"');
      throw new UnauthorizedException('an API key is required: Authorization: Bearer <api key>');
    }
    request.apiKey = { name: verdict.name, keyId: verdict.keyId, permissions: verdict.permissions };
    this.noteUse(verdict.keyId);
    return true;
  }

  private noteUse(keyId: string): void {
    const now = Date.now();
    if (now - (this.lastTouched.get(keyId) ?? 0) < LAST_USED_RESOLUTION_MS) return;
    this.lastTouched.set(keyId, now);
    this.keys.touch(keyId).catch((error: Error) => this.logger.warn(`could not record the use of key ${keyId}: ${error.message}`));
  }
}
