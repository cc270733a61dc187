import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { API_CONFIG, type ApiConfig } from './api.config';
import { requestMetrics } from './metrics/request-metrics.middleware';
import { requestParametersCheck } from './security/request-parameters.middleware';

/**
 * What the API serves besides its controllers, in the order a request meets it: request metrics
 * (counted when the answer is sent, whatever refused it), security headers,
 * CORS for the allowed origins only, the parameter check (400 before anything else reads them),
 * and the OpenAPI docs (the UI at /docs, the document at /docs-json, open by design). Must run
 * before the app listens.
 */
export function configureApiApp(app: INestApplication): INestApplication {
  const config = app.get<ApiConfig>(API_CONFIG);
  app.use(requestMetrics());
  // No upgrade-insecure-requests: the API is often reached over plain HTTP behind a proxy or on
  // loopback, where upgrading /docs' script URLs to https would leave the page blank.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  if (config.API_CORS_ORIGINS.length > 0) {
    app.enableCors({ origin: config.API_CORS_ORIGINS, methods: ['GET', 'HEAD'], allowedHeaders: ['Authorization'], maxAge: 600 });
  }
  app.use(requestParametersCheck(config.API_MAX_PARAM_BYTES));
  const document = new DocumentBuilder()
    .setTitle('wirestream query API')
    .setDescription(
      'Read-only queries over stored wire articles, their entities, mentions and quotes, and stories ' +
        '(copies and accounts of one event). Listings are newest first by published time (fetch time when ' +
        'the copy carries no date) with opaque cursors; bad parameters are answered 400 with each problem named. ' +
        'Every route but /health needs `Authorization: Bearer <api key>` unless the API runs with API_AUTH=off on loopback.',
    )
    .setVersion('1')
    .addBearerAuth()
    .addSecurityRequirements('bearer')
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, document), { jsonDocumentUrl: 'docs-json' });
  return app;
}
