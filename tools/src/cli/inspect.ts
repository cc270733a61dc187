import { EXTRACTOR_VERSION, extractArticle } from '@wirestream/extract';
import { documentsFromDroppedFile } from '@wirestream/feeds';
import { normalizeDocument } from '@wirestream/normalize';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The same stage libraries the services run, on one file, in a second: one result per story (a
 * feed or a NewsML-G2 package gives one per item). The file may be in any source format.
 */
export function inspect(file: string): unknown[] {
  const absolute = path.resolve(file);
  if (!existsSync(absolute)) throw new Error(`no such file: ${absolute}`);
  const documents = documentsFromDroppedFile(readFileSync(absolute), {
    source: { id: 'cli', kind: 'file-drop', uri: path.dirname(absolute) },
    path: absolute,
    fetchedAt: new Date(),
  });
  return documents.map((document) => {
    const article = normalizeDocument(document);
    return { article, ...extractArticle(article.body, { headline: article.headline }), extractorVersion: EXTRACTOR_VERSION };
  });
}

