import { telemetry } from './telemetry';
import { bootstrapService } from '@wirestream/service-kit';
import { FETCHER_CONFIG, SERVICE_CONFIGURATION } from './fetcher.config';
import { FetcherModule } from './fetcher.module';
import { SourceRegistry } from './source-registry';
import { SourcesController } from './sources.controller';
import { UrlSourcePoller } from './url-source.poller';

void bootstrapService({
  name: 'fetcher',
  module: FetcherModule,
  defaultPort: SERVICE_CONFIGURATION.defaultHttpPort,
  telemetry,
  // Adding sources changes what the fetcher reads: on its own port, with a token, never on HTTP_PORT.
  admin: { controllers: [SourcesController], shared: [SourceRegistry, UrlSourcePoller, FETCHER_CONFIG], defaultPort: 3111 },
});
