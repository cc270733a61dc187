// Telemetry first: the OpenTelemetry SDK must start before the modules it instruments load.
import { telemetry } from './telemetry';
import { bootstrapService } from '@wirestream/service-kit';
import { SERVICE_CONFIGURATION } from './api.config';
import { configureApiApp } from './api-app';
import { ApiModule } from './api.module';

// Security middleware and the OpenAPI docs at /docs are mounted before the app listens; the API
// takes no request bodies, so none is ever read.
void bootstrapService({ name: 'api', module: ApiModule, defaultPort: SERVICE_CONFIGURATION.defaultHttpPort, telemetry, configure: configureApiApp, bodyParser: false });
