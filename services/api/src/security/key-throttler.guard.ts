import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { OPEN_ROUTE } from '@wirestream/service-kit';
import type { AuthenticatedRequest } from './api-key.guard';

/**
 * Rate limit per API key (per address when API_AUTH=off), kept in each instance's memory: N
 * instances allow N times API_RATE_LIMIT_PER_MINUTE. Runs after ApiKeyGuard, which names the key.
 * Open routes (probes, metrics) are not limited.
 */
@Injectable()
export class KeyThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const { apiKey, socket } = request as unknown as AuthenticatedRequest;
    return apiKey ? `key:${apiKey.keyId}` : `address:${socket.remoteAddress}`;
  }

  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return this.reflector.getAllAndOverride<boolean>(OPEN_ROUTE, [context.getHandler(), context.getClass()]) ?? false;
  }
}
