import { telemetry } from './telemetry';
import { bootstrapService } from '@wirestream/service-kit';
import { SERVICE_CONFIGURATION } from './storage.config';
import { StorageModule } from './storage.module';

void bootstrapService({ name: 'storage', module: StorageModule, defaultPort: SERVICE_CONFIGURATION.defaultHttpPort, telemetry });
