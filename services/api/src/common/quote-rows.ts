import type { QuoteRow } from '@wirestream/db';
import type { QuoteDto } from './api.dto';

/** `SELECT ${QUOTE_COLUMNS} WHERE …`: quotes with their speaker's canonical name. */
export const QUOTE_COLUMNS = `q.id, q.article_id, q.speaker_entity_id, e.canonical_name AS speaker_name, q.speaker_text, q.text, q.start_offset, q.end_offset
  FROM quotes q LEFT JOIN entities e ON e.id = q.speaker_entity_id`;

/** A quote as Postgres returns it, with its speaker's canonical name. */
export type QuoteWithSpeakerRow = QuoteRow & { speaker_name: string | null };

export function toQuote(row: QuoteWithSpeakerRow): QuoteDto {
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
