export * from './define-table';
export * from './api-keys.table';
export * from './article-mentions.table';
export * from './article-salient-entities.table';
export * from './articles.table';
export * from './dead-letter-replays.table';
export * from './entities.table';
export * from './quotes.table';
export * from './sources.table';
export * from './stories.table';
export * from './wire-kills.table';

import { API_KEYS_TABLE } from './api-keys.table';
import { ARTICLE_ENTITIES_VIEW, ARTICLE_MENTIONS_TABLE, MENTIONS_VIEW } from './article-mentions.table';
import { ARTICLE_SALIENT_ENTITIES_TABLE } from './article-salient-entities.table';
import { ARTICLES_TABLE } from './articles.table';
import { DEAD_LETTER_REPLAYS_TABLE } from './dead-letter-replays.table';
import { ENTITIES_TABLE, ENTITY_ARTICLE_COUNTS_TABLE } from './entities.table';
import { QUOTES_TABLE } from './quotes.table';
import { SOURCES_TABLE } from './sources.table';
import { STORIES_TABLE } from './stories.table';
import { WIRE_KILLS_TABLE } from './wire-kills.table';

/** Every table and view the migrations make, but TypeORM's own bookkeeping (`migrations`, `typeorm_metadata`). */
export const SCHEMA_TABLES = [
  SOURCES_TABLE,
  STORIES_TABLE,
  ARTICLES_TABLE,
  ARTICLE_MENTIONS_TABLE,
  ARTICLE_SALIENT_ENTITIES_TABLE,
  ENTITIES_TABLE,
  ENTITY_ARTICLE_COUNTS_TABLE,
  QUOTES_TABLE,
  API_KEYS_TABLE,
  DEAD_LETTER_REPLAYS_TABLE,
  WIRE_KILLS_TABLE,
  MENTIONS_VIEW,
  ARTICLE_ENTITIES_VIEW,
] as const;
