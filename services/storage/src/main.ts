import { telemetry } from './telemetry';
import { bootstrapService } from '@wirestream/service-kit';
import { StorageModule } from './storage.module';

void bootstrapService({ name: 'storage', module: StorageModule, defaultPort: 3104, telemetry });
