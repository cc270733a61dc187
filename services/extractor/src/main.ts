import { telemetry } from './telemetry';
import { bootstrapService } from '@wirestream/service-kit';
import { SERVICE_CONFIGURATION } from './extractor.config';
import { ExtractorModule } from './extractor.module';

void bootstrapService({ name: 'extractor', module: ExtractorModule, defaultPort: SERVICE_CONFIGURATION.defaultHttpPort, telemetry });
