import { telemetry } from './telemetry';
import { bootstrapService } from '@wirestream/service-kit';
import { ExtractorModule } from './extractor.module';

void bootstrapService({ name: 'extractor', module: ExtractorModule, defaultPort: 3103, telemetry });
