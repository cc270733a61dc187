import { telemetry } from './telemetry';
import { bootstrapService } from '@wirestream/service-kit';
import { NormalizerModule } from './normalizer.module';

void bootstrapService({ name: 'normalizer', module: NormalizerModule, defaultPort: 3102, telemetry });
