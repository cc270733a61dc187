/**
 * The entities an article is about (most mentioned, or named early), compared between articles
 * dated close together to find other agencies' accounts of one event.
 */

/** Entity types that identify an event; MISC (nationalities, "Korean") says too little. */
const SALIENT_TYPES = new Set(['PERSON', 'ORG', 'GPE', 'LOC']);
export const MAX_SALIENT_ENTITIES = 8;
/** A first mention this early (in UTF-16 units) puts an entity in the lede. */
const LEDE_CHARS = 400;

export interface SalienceInput {
  key: string;
  type: string;
  mentions: Array<{ start: number }>;
}

/**
 * Of people, organisations and places, those named at least twice or in the lede, most mentioned
 * first (then earliest), at most MAX_SALIENT_ENTITIES.
 */
export function salientEntities(entities: SalienceInput[]): string[] {
  return entities
    .filter((entity) => SALIENT_TYPES.has(entity.type) && entity.mentions.length > 0)
    .map((entity) => ({ key: entity.key, count: entity.mentions.length, first: Math.min(...entity.mentions.map((mention) => mention.start)) }))
    .filter((entity) => entity.count >= 2 || entity.first < LEDE_CHARS)
    .sort((a, b) => b.count - a.count || a.first - b.first || a.key.localeCompare(b.key))
    .slice(0, MAX_SALIENT_ENTITIES)
    .map((entity) => entity.key);
}
