import type { QuoteDto } from './api.dto';

/** `SELECT ${QUOTE_COLUMNS} WHERE …`: quotes with their speaker's canonical name. */
export const QUOTE_COLUMNS = `q.id, q.article_id, q.speaker_entity_id, e.canonical_name AS speaker_name, q.speaker_text, q.text, q.start_offset, q.end_offset
  FROM quotes q LEFT JOIN entities e ON e.id = q.speaker_entity_id`;

export interface QuoteRow {
  id: string;
  article_id: string;
  speaker_entity_id: string | null;
  speaker_name: string | null;
  speaker_text: string | null;
  text: string;
  start_offset: number;
  end_offset: number;
}

export function toQuote(row: QuoteRow): QuoteDto {
  return {
    id: String(row.id),
    articleId: row.article_id,
    speakerEntityId: row.speaker_entity_id === null ? null : String(row.speaker_entity_id),
    speakerName: row.speaker_name,
    speakerText: row.speaker_text,
    text: row.text,
    start: row.start_offset,
    end: row.end_offset,
  };
}
