import { Module, type DynamicModule, type InjectionToken, type OptionalFactoryDependency } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { MetricsController } from './metrics.controller';
import { READINESS_CHECKS, type ReadinessCheck } from './readiness';

/** /health/live, /health/ready and /metrics for one service. */
@Module({})
export class HealthModule {
  /** `inject` names the providers the factory needs to build the service's readiness checks. */
  static forChecks(options: {
    inject: Array<InjectionToken | OptionalFactoryDependency>;
    useFactory: (...dependencies: never[]) => ReadinessCheck[];
  }): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController, MetricsController],
      providers: [{ provide: READINESS_CHECKS, inject: options.inject, useFactory: options.useFactory }],
    };
  }
}
