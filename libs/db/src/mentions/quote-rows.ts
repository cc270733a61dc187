import type { ExtractedQuote } from '@wirestream/contracts';
import type { EntityManager } from 'typeorm';
import type { PreparedArticle } from '../articles/prepared-article';
import { chunksByParameters, deleteRowsOf, valuesClause } from '../sql/bind-parameters';

/** Replaces the articles' quotes, each with its speaker's entity id when the speaker is one of the article's entities. */
export async function replaceQuotes(manager: EntityManager, articles: PreparedArticle[], entityIds: Map<string, string>, storedIds: string[]): Promise<void> {
  await deleteRowsOf(manager, 'quotes', storedIds);
  const rows = articles.flatMap((article) => {
    const ownKeys = new Set(article.input.message.entities.map((entity) => entity.key));
    // Absent quotes (an extractor that predates them) mean none: the article's old quotes go.
    const quotes: ExtractedQuote[] = article.input.message.quotes ?? [];
    return quotes.map((quote) => [
      article.articleId,
      quote.speakerKey && ownKeys.has(quote.speakerKey) ? (entityIds.get(quote.speakerKey) ?? null) : null,
      quote.speakerName,
      quote.text,
      quote.start,
      quote.end,
    ]);
  });
  for (const chunk of chunksByParameters(rows, 6)) {
    const { placeholders, parameters } = valuesClause(chunk);
    await manager.query(
      `INSERT INTO quotes (article_id, speaker_entity_id, speaker_text, text, start_offset, end_offset) VALUES ${placeholders}
       ON CONFLICT (article_id, start_offset, end_offset) DO NOTHING`,
      parameters,
    );
  }
}
