import { extractorVersion, extractArticle } from '@wirestream/extract';
import { documentsFromDroppedFile } from '@wirestream/feeds';
import { normalizeDocument } from '@wirestream/normalize';
import type { NormalizedArticle } from '@wirestream/contracts';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** One story's result: what the stages made of it, or why it could not be read. */
export type InspectedStory =
  | { documentUri: string; article: NormalizedArticle; entities: unknown; quotes: unknown; extractorVersion: string }
  | { documentUri: string; error: string };

/**
 * The same stage libraries the services run, on one file, in a second: one result per story (a
 * feed or a NewsML-G2 package gives one per item). The file may be in any source format. A story
 * that cannot be read is reported in its place, with the reason, and the others still are.
 *
 * @throws when the file itself cannot be read as any source format.
 */
export async function inspect(file: string): Promise<InspectedStory[]> {
  const absolute = path.resolve(file);
  if (!existsSync(absolute)) throw new Error(`no such file: ${absolute}`);
  const documents = await documentsFromDroppedFile(readFileSync(absolute), {
    source: { id: 'cli', kind: 'file-drop', uri: path.dirname(absolute) },
    path: absolute,
    fetchedAt: new Date(),
  });
  return documents.map((document): InspectedStory => {
    try {
      const article = normalizeDocument(document);
      return { documentUri: document.documentUri, article, ...extractArticle(article.body, { headline: article.headline }), extractorVersion: extractorVersion() };
    } catch (error) {
      return { documentUri: document.documentUri, error: (error as Error).message };
    }
  });
}
