import type { EnrichedArticleV3 } from '@wirestream/contracts';
import { enrichArticle } from '@wirestream/extract';
import { documentsFromDroppedFile } from '@wirestream/feeds';
import { normalizeDocument } from '@wirestream/normalize';
import { mixedCorpus } from '@wirestream/harness';

/**
 * The first `count` stories of bench:pipeline's corpus as the extractor would send them to storage:
 * fetched, normalized and extracted in process by the stage code.
 */
export async function wireMessages(count: number, seed = 1): Promise<EnrichedArticleV3[]> {
  const fetchedAt = new Date();
  const messages: EnrichedArticleV3[] = [];
  for (const file of mixedCorpus(count, seed)) {
    const documents = await documentsFromDroppedFile(Buffer.from(file.text), {
      source: { id: 'file-drop', kind: 'file-drop', uri: '/bench' },
      path: `/bench/${file.fileName}`,
      fetchedAt,
    });
    for (const document of documents) {
      messages.push(enrichArticle(normalizeDocument(document, { referenceDate: fetchedAt })));
      if (messages.length === count) return messages;
    }
  }
  return messages;
}
