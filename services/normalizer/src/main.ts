import { telemetry } from './telemetry';
import { bootstrapService } from '@wirestream/service-kit';
import { SERVICE_CONFIGURATION } from './normalizer.config';
import { NormalizerModule } from './normalizer.module';

void bootstrapService({ name: 'normalizer', module: NormalizerModule, defaultPort: SERVICE_CONFIGURATION.defaultHttpPort, telemetry });
