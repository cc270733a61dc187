import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** OpenAPI docs: the UI at /docs, the document at /docs-json. Must run before the app listens. */
export function configureApiApp(app: INestApplication): INestApplication {
  const config = new DocumentBuilder()
    .setTitle('wirestream query API')
    .setDescription(
      'Read-only queries over stored wire articles, their entities, mentions and quotes, and stories ' +
        '(copies and accounts of one event). Listings are newest first by published time (fetch time when ' +
        'the copy carries no date) with opaque cursors; bad parameters are answered 400 with each problem named.',
    )
    .setVersion('1')
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, config), { jsonDocumentUrl: 'docs-json' });
  return app;
}
