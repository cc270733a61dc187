import { telemetry } from './telemetry';
import { bootstrapService } from '@wirestream/service-kit';
import { FetcherModule } from './fetcher.module';

void bootstrapService({ name: 'fetcher', module: FetcherModule, defaultPort: 3101, telemetry });
