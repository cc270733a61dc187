import { telemetry } from './telemetry';
import { ApiModule } from './api.module';
import { bootstrapApi } from './bootstrap-api';

void bootstrapApi({ module: ApiModule, defaultPort: 3105, telemetry });
