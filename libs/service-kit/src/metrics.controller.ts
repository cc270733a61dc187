import { OpenRoute } from './open-route';
import { Controller, Get, Header } from '@nestjs/common';
import { metricsRegistry } from '@wirestream/telemetry';

// Open by design: probes and scrapers carry no credentials; they reveal no stored data.
@OpenRoute()
@Controller()
export class MetricsController {
  /** Prometheus text format: messages consumed/produced/failed/dead-lettered, processing time, lag. */
  @Get('metrics')
  @Header('Content-Type', metricsRegistry.contentType)
  metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }
}
