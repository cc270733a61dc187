import { OpenRoute } from './open-route';
import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { READINESS_CHECKS, type ReadinessCheck } from './readiness';

// Open by design: probes and scrapers carry no credentials; they reveal no stored data.
@OpenRoute()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[],
  ) {}

  /** The process is up and its event loop turns: restart it only when this fails. */
  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** The service can do work: its broker (and database, where it has one) answer. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check(
      this.checks.map((readiness) => async () => {
        const session = this.indicators.check(readiness.name);
        const result = await readiness.check().catch((error: Error) => ({ ok: false, detail: error.message }));
        return result.ok ? session.up() : session.down({ message: result.detail ?? 'not ready' });
      }),
    );
  }
}
