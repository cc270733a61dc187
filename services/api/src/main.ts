// Telemetry first: the OpenTelemetry SDK must start before the modules it instruments load.
import { telemetry } from './telemetry';
import { bootstrapService } from '@wirestream/service-kit';
import { configureApiApp } from './api-app';
import { ApiModule } from './api.module';

// Security middleware and the OpenAPI docs at /docs are mounted before the app listens; the API
// takes no request bodies, so none is ever read.
void bootstrapService({ name: 'api', module: ApiModule, defaultPort: 3105, telemetry, configure: configureApiApp, bodyParser: false });
