import { ErrorCode, TransientError, type EnrichedArticleV1, type ExtractedEntity, type ExtractedQuote } from '@wirestream/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { compareVersionRanks, versionRank } from './pipeline-version';
import { chooseStory, DEFAULT_STORY_RULE, type StoryCandidate, type StoryRule } from './stories/story-rule';
import { hammingDistance, salientEntities, storedSignature } from './stories/story-signature';

export interface StoredArticleInput {
  message: EnrichedArticleV1;
  /** The story's trace id, kept so an operator can open its trace from the row. */
  traceId: string | null;
}

export type StoryAssignment =
  | { storyId: string; reason: 'kept' | 'new' }
  | { storyId: string; reason: 'near-duplicate'; matchedArticleId: string; distance: number }
  | { storyId: string; reason: 'same-event'; matchedArticleId: string; sharedEntities: number; overlap: number };

export interface SaveBatchResult {
  /** Articles inserted or replaced (same or newer pipeline version). */
  written: string[];
  /** Articles left as they were because the stored row came from a newer pipeline version. */
  ignoredOlder: string[];
  stories: Map<string, StoryAssignment>;
}

/** Largest number of bind parameters one statement may carry in Postgres (int16 counter). */
const MAX_BIND_PARAMETERS = 65_535;
/** How stale `sources.last_seen_at` may be, in seconds: written at most this often per source. */
const SOURCE_SEEN_RESOLUTION_SECONDS = 60;
/**
 * Taken shared by every batch for its whole transaction, since batches use entity ids read without
 * row locks (and `article_mentions` has no foreign keys): a job that one day deletes or merges
 * entities must take it exclusively, and so waits until no batch is writing.
 */
const ENTITY_LOCK_KEY = 0x5753_0002;
/** Attempts at a batch whose articles another instance keeps writing at the same time. */
const MAX_WRITE_ATTEMPTS = 3;
/** Serializes story assignment across storage instances, so two copies never start two stories. */
const STORY_LOCK_KEY = 0x5753_0001;
/** Candidates fetched per article of a batch, at most, by each lookup (sketch; shared entities). */
const STORY_CANDIDATE_LIMIT = 50;
/**
 * Articles read per salient entity of an article when looking for others about the same event:
 * the most recent in the date window. A big running story names the same entities in thousands of
 * articles a day; reading them all would make every batch slower as the story grows.
 */
const SAME_EVENT_ROWS_PER_ENTITY = 200;
/**
 * A sketch hash carried by stored articles of more stories than this is boilerplate (a copyright
 * line, an agency's sign-off), not a sign of copying: syndicated copies of one text share their
 * hashes but also their story. Such hashes are left out of the sketch lookup, which they would
 * otherwise fill with unrelated rows, up to its limit, crowding out the real copies.
 */
const COMMON_HASH_STORIES = 20;
/** Boilerplate hashes remembered per store, at most; the set starts over when full. */
const COMMON_HASHES_REMEMBERED = 100_000;

/**
 * Idempotent writes of enriched articles, a batch per transaction: re-delivering a batch leaves
 * the database as it was. An article is upserted by id unless the stored row came from a newer
 * pipeline version; a written article's mentions and quotes are replaced; entities are upserted by
 * key, so one person mentioned by many articles is one row; a new article joins a story (see
 * `chooseStory`) or starts one, and keeps it when processed again.
 */
export class ArticleStore {
  /** Sketch hashes found to be boilerplate (see COMMON_HASH_STORIES), learnt from lookups. */
  private readonly commonSketchHashes = new Set<number>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly storyRule: StoryRule = DEFAULT_STORY_RULE,
  ) {}

  async saveBatch(inputs: StoredArticleInput[]): Promise<SaveBatchResult> {
    if (inputs.length === 0) return { written: [], ignoredOlder: [], stories: new Map() };
    // The last copy of an article in a batch wins, as it would if they came one by one.
    const latestById = new Map(inputs.map((input) => [input.message.articleId, input]));
    // One order for every instance: mention rows are inserted in it, so two instances writing one
    // article (while its partition moves between them) wait for each other instead of deadlocking.
    const articles = [...latestById.values()]
      .sort((a, b) => a.message.articleId.localeCompare(b.message.articleId))
      .map((input) => prepare(withoutNul(input)));
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction((manager) => this.writeBatch(manager, articles));
      } catch (error) {
        if (!(error instanceof ArticlesWrittenMeanwhile)) throw error;
        if (attempt === MAX_WRITE_ATTEMPTS) throw new TransientError(`${error.message}, ${attempt} times in a row`, { code: ErrorCode.WRITE_CONFLICT, cause: error });
      }
    }
  }

  private async writeBatch(manager: EntityManager, articles: PreparedArticle[]): Promise<SaveBatchResult> {
    const result: SaveBatchResult = { written: [], ignoredOlder: [], stories: new Map() };
    // Shared with every other batch; a job deleting or merging entities takes it alone (see ENTITY_LOCK_KEY).
    await manager.query(`SELECT pg_advisory_xact_lock_shared($1)`, [ENTITY_LOCK_KEY]);
    await upsertSources(manager, articles);
    const stored = await storedArticles(manager, articles);
    const replacing = articles.filter((article) => {
      const row = stored.get(article.id);
      return !row || compareVersionRanks(row.versionRank, article.versionRank) <= 0;
    });
    const replacingIds = new Set(replacing.map((article) => article.id));
    result.ignoredOlder = articles.filter((article) => !replacingIds.has(article.id)).map((article) => article.id);
    if (replacing.length === 0) return result;
    const messages = replacing.map((article) => article.input.message);
    // Only a stored article has old mentions, quotes and salient entities to delete; most of a
    // batch is new, and a DELETE by a list of ids is a sequential scan once the planner thinks
    // the list matches much of a large table.
    const previouslyStored = replacing.filter((article) => stored.has(article.id)).map((article) => article.id);
    // Entities and mentions do not depend on stories, so they are written before the story lock,
    // while other storage instances write theirs. Nothing done under the story lock waits for
    // locks taken here, so an instance holding it never waits for one that wants it.
    const entityIds = await upsertEntities(manager, messages);
    await replaceMentions(manager, messages, entityIds, previouslyStored);
    // Stories are chosen before the article rows are written, so each row is written once with
    // its story: setting story_id afterwards rewrote every row and all its index entries,
    // search vector included. From here to the commit, one storage instance at a time: another
    // must see these articles before it chooses stories for its own.
    await manager.query(`SELECT pg_advisory_xact_lock($1)`, [STORY_LOCK_KEY]);
    // Another instance may have written one of these articles since the read above (only while
    // partitions move between instances). What was decided from that read (replace or not, what to
    // delete) may then be wrong, so the whole batch starts again.
    const storedNow = await storedArticles(manager, articles);
    const changed = articles.filter((article) => stored.get(article.id)?.rowVersion !== storedNow.get(article.id)?.rowVersion);
    if (changed.length > 0) throw new ArticlesWrittenMeanwhile(changed.map((article) => article.id));
    result.stories = await assignStories(manager, replacing, stored, this.storyRule, this.commonSketchHashes);
    await upsertArticles(manager, replacing, result.stories, new Set(previouslyStored));
    result.written = replacing.map((article) => article.id);
    await replaceQuotes(manager, replacing, entityIds, previouslyStored);
    await replaceSalientEntities(manager, replacing, previouslyStored);
    await refreshStories(manager, [...new Set([...result.stories.values()].map((assignment) => assignment.storyId))]);
    return result;
  }
}

/** Some of a batch's articles were written by another transaction while this one was writing them. */
class ArticlesWrittenMeanwhile extends Error {
  constructor(articleIds: string[]) {
    super(`articles written by another storage instance meanwhile: ${articleIds.slice(0, 3).join(', ')}${articleIds.length > 3 ? ', …' : ''}`);
  }
}

/** An input with what the store derives from it: signatures, salient entities, version rank. */
interface PreparedArticle {
  id: string;
  input: StoredArticleInput;
  publishedAt: Date | null;
  simhash: bigint | null;
  sketch: number[];
  salient: string[];
  versionRank: number[];
}

/**
 * The input with every NUL in its text replaced by U+FFFD: Postgres refuses NUL in text, and the
 * normalizer removes it, but a message from an older normalizer may still carry one. Replaced, not
 * removed, so mention and quote offsets into the body still hold.
 */
export function withoutNul(input: StoredArticleInput): StoredArticleInput {
  return holdsNul(input.message) ? { ...input, message: replaceNul(input.message) as StoredArticleInput['message'] } : input;
}

/** One walk with no allocation: nearly every message has no NUL, and this runs on every one. */
function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value && typeof value === 'object') return Object.values(value).some(holdsNul);
  return false;
}

function replaceNul(value: unknown): unknown {
  if (typeof value === 'string') return value.replaceAll('\u0000', '\ufffd');
  if (Array.isArray(value)) return value.map(replaceNul);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, replaceNul(field)]));
  return value;
}

function prepare(input: StoredArticleInput): PreparedArticle {
  const { article, entities, extractorVersion } = input.message;
  // The normalizer's signature; without one (an older normalizer) the article groups by entities only.
  const signature = storedSignature(article.nearDuplicate);
  const publishedAt = asTimestamp(article.publishedAt);
  return {
    id: input.message.articleId,
    input,
    publishedAt: publishedAt ? new Date(publishedAt) : null,
    simhash: signature?.simhash ?? null,
    sketch: signature?.sketch ?? [],
    salient: salientEntities(entities),
    versionRank: versionRank(article.normalizerVersion, extractorVersion),
  };
}

/**
 * Adds the batch's new sources and moves `last_seen_at` forward at most once a minute. Every batch
 * names the busy sources, and an upsert of their rows (`ON CONFLICT DO UPDATE` locks the row even
 * when it changes nothing) held them to the commit: storage instances took turns, batch by batch.
 */
async function upsertSources(manager: EntityManager, articles: PreparedArticle[]): Promise<void> {
  const sourceIds = [...new Set(articles.map((article) => article.input.message.article.sourceId))].sort();
  await manager.query(`INSERT INTO sources (source_id) SELECT unnest($1::text[]) ON CONFLICT (source_id) DO NOTHING`, [sourceIds]);
  await manager.query(
    // In id order, and skipping a row another instance is moving forward already: two batches
    // never wait for each other here.
    `UPDATE sources SET last_seen_at = now()
      WHERE source_id IN (SELECT source_id FROM sources
                           WHERE source_id = ANY($1::text[]) AND last_seen_at < now() - interval '${SOURCE_SEEN_RESOLUTION_SECONDS} seconds'
                           ORDER BY source_id FOR NO KEY UPDATE SKIP LOCKED)`,
    [sourceIds],
  );
}

/** The stored rows of the batch's articles: their story, the rank of the pipeline that wrote them, and the row's version. */
async function storedArticles(manager: EntityManager, articles: PreparedArticle[]): Promise<Map<string, StoredArticle>> {
  const rows: Array<{ article_id: string; story_id: string | null; version_rank: number[]; row_version: string }> = await manager.query(
    `SELECT article_id, story_id, version_rank, xmin::text AS row_version FROM articles WHERE article_id = ANY($1::text[])`,
    [articles.map((article) => article.id)],
  );
  return new Map(
    rows.map((row) => [row.article_id, { storyId: row.story_id === null ? null : String(row.story_id), versionRank: row.version_rank, rowVersion: row.row_version }]),
  );
}

interface StoredArticle {
  storyId: string | null;
  versionRank: number[];
  /** The writing transaction's id (`xmin`): another value means the row was written since. */
  rowVersion: string;
}

/** Inserts the articles, or replaces them; a stored article keeps its story. */
async function upsertArticles(manager: EntityManager, articles: PreparedArticle[], stories: Map<string, StoryAssignment>, previouslyStored: Set<string>): Promise<void> {
  // The headline-only columns go into the statement only when a row needs them: a new article that
  // takes their defaults (nearly all) adds three parameters for nothing. A stored article being
  // replaced always writes them, so a flag it had is reset.
  const flagged = articles.some(({ id, input: { message } }) => {
    const { bodyless, urgency, processingNotes } = message.article;
    return bodyless || urgency || (processingNotes?.length ?? 0) > 0 || previouslyStored.has(id);
  });
  const columns = [
    'article_id', 'source_id', 'document_uri', 'canonical_url', 'headline', 'subheadline',
    'dateline_place', 'dateline_date_text', 'dateline_agency', 'byline_text', 'byline_names', 'byline_emails',
    'published_at', 'published_at_source', 'publisher', 'originating_agency', 'credits', 'section', 'language',
    'body', 'captions', 'word_count', 'content_hash', 'normalizer_version', 'extractor_version', 'trace_id', 'fetched_at',
    'version_rank', 'simhash', 'shingle_sketch', 'salient_entities', ...(flagged ? ['bodyless', 'urgency', 'processing_notes'] : []), 'story_id',
  ];
  const rows = articles.map((prepared) => {
    const { message, traceId } = prepared.input;
    const article = message.article;
    return [
      article.articleId, article.sourceId, article.documentUri, article.canonicalUrl, article.headline, article.subheadline,
      article.dateline?.place ?? null, article.dateline?.dateText ?? null, article.dateline?.agency ?? null,
      article.byline?.text ?? null, article.byline?.names ?? [], article.byline?.emails ?? [],
      asTimestamp(article.publishedAt), article.publishedAtSource, article.publisher, article.originatingAgency, article.credits,
      article.section, article.language, article.body, article.captions, article.wordCount, article.contentHash,
      article.normalizerVersion, message.extractorVersion, traceId, article.fetchedAt,
      prepared.versionRank, prepared.simhash?.toString() ?? null, prepared.sketch, prepared.salient,
      ...(flagged ? [article.bodyless ?? false, article.urgency ?? null, article.processingNotes ?? []] : []),
      stories.get(prepared.id)!.storyId,
    ];
  });
  const updates = columns
    .filter((column) => column !== 'article_id' && column !== 'story_id')
    .map((column) => `${column} = EXCLUDED.${column}`);
  for (const chunk of chunksByParameters(rows, columns.length)) {
    const { placeholders, parameters } = valuesClause(chunk);
    // An older pipeline's result never overwrites a newer one; the same version replaces (re-processing).
    await manager.query(
      `INSERT INTO articles (${columns.join(', ')}) VALUES ${placeholders}
       ON CONFLICT (article_id) DO UPDATE SET ${updates.join(', ')}, story_id = COALESCE(articles.story_id, EXCLUDED.story_id), updated_at = now()
         WHERE articles.version_rank <= EXCLUDED.version_rank`,
      parameters,
    );
  }
}

/**
 * Entity ids by key, adding the batch's new entities and new aliases. Known entities are read, not
 * upserted: `ON CONFLICT DO UPDATE` locks every conflicting row to the commit, even one it leaves
 * alone, and the popular entities are in most batches, so storage instances would take turns on
 * them. New rows are inserted in key order, and rows that gain an alias are locked in the
 * database's key order, the same for every instance.
 */
async function upsertEntities(manager: EntityManager, messages: EnrichedArticleV1[]): Promise<Map<string, string>> {
  const byKey = new Map<string, { name: string; type: string; aliases: Set<string> }>();
  for (const entity of messages.flatMap((message) => message.entities)) {
    const known = byKey.get(entity.key) ?? { name: entity.canonicalName, type: entity.type, aliases: new Set<string>() };
    entity.aliases.forEach((alias) => known.aliases.add(alias));
    byKey.set(entity.key, known);
  }
  const keys = [...byKey.keys()].sort();
  const ids = new Map<string, string>();
  if (keys.length === 0) return ids;
  const aliasLiterals = (batchKeys: string[]) => batchKeys.map((key) => arrayLiteral([...byKey.get(key)!.aliases].sort()));
  // Whether each known row has the batch's aliases already is asked of the server: a popular
  // entity's alias list only grows, and reading it whole into every batch would too.
  const stored: Array<{ id: string; key: string; has_aliases: boolean }> = await manager.query(
    `SELECT e.id, e.key, e.aliases @> u.aliases::text[] AS has_aliases
       FROM unnest($1::text[], $2::text[]) AS u(key, aliases) JOIN entities e ON e.key = u.key`,
    [keys, aliasLiterals(keys)],
  );
  const complete = new Set<string>();
  for (const row of stored) {
    ids.set(row.key, String(row.id));
    if (row.has_aliases) complete.add(row.key);
  }
  const newRows = keys
    .filter((key) => !ids.has(key))
    .map((key) => {
      const entity = byKey.get(key)!;
      return [key, entity.name, entity.type, [...entity.aliases].sort()];
    });
  for (const chunk of chunksByParameters(newRows, 4)) {
    const { placeholders, parameters } = valuesClause(chunk);
    // Another instance may insert the same entity meanwhile: its row is the one kept, and the
    // aliases this batch brings are added below like any known entity's.
    const inserted: Array<{ id: string; key: string }> = await manager.query(
      `INSERT INTO entities (key, canonical_name, type, aliases) VALUES ${placeholders} ON CONFLICT (key) DO NOTHING RETURNING id, key`,
      parameters,
    );
    inserted.forEach((row) => {
      ids.set(row.key, String(row.id));
      complete.add(row.key);
    });
  }
  // Known keys this batch brings new aliases for, and keys another instance inserted since the read above.
  const aliasUpdates = keys.filter((key) => !complete.has(key));
  if (aliasUpdates.length > 0) {
    // Row locks in one order first (the database's, for every instance): an UPDATE … FROM locks
    // rows in whatever order its join runs.
    await manager.query(`SELECT 1 FROM entities WHERE key = ANY($1::text[]) ORDER BY key FOR NO KEY UPDATE`, [aliasUpdates]);
    const updated: Array<{ id: string; key: string }> = await manager.query(
      `UPDATE entities e
          SET aliases = ARRAY(SELECT DISTINCT alias FROM unnest(e.aliases || u.aliases) AS alias ORDER BY alias)
         FROM (SELECT key, aliases::text[] AS aliases FROM unnest($1::text[], $2::text[]) AS u(key, aliases)) u
        WHERE e.key = u.key AND NOT e.aliases @> u.aliases
        RETURNING e.id, e.key`,
      [aliasUpdates, aliasLiterals(aliasUpdates)],
    );
    updated.forEach((row) => ids.set(row.key, String(row.id)));
    const missing = aliasUpdates.filter((key) => !ids.has(key));
    if (missing.length > 0) {
      const rows: Array<{ id: string; key: string }> = await manager.query(`SELECT id, key FROM entities WHERE key = ANY($1::text[])`, [missing]);
      rows.forEach((row) => ids.set(row.key, String(row.id)));
    }
  }
  return ids;
}

/**
 * Replaces the articles' mentions: one row per article, with the entities it names (ascending) and
 * every mention in text order as parallel arrays (see MentionsKeptWithArticle).
 */
async function replaceMentions(manager: EntityManager, messages: EnrichedArticleV1[], entityIds: Map<string, string>, storedIds: string[]): Promise<void> {
  await deleteRowsOf(manager, 'article_mentions', storedIds);
  const articleIds: string[] = [];
  // Each row's arrays, as one literal per column of array literals (see NestedArrayLiteral).
  const namedEntities = new NestedArrayLiteral();
  const mentionEntities = new NestedArrayLiteral();
  const starts = new NestedArrayLiteral();
  const ends = new NestedArrayLiteral();
  const surfaces = new NestedArrayLiteral();
  const roles = new NestedArrayLiteral();
  for (const message of messages) {
    // A span is one mention: named twice in one message (by two entities, say), the first stays.
    const seenSpans = new Set<string>();
    const mentions: Array<{ entityId: string; mention: ExtractedEntity['mentions'][number] }> = [];
    for (const entity of message.entities) {
      const entityId = entityIds.get(entity.key)!;
      for (const mention of entity.mentions) {
        const span = `${mention.start}:${mention.end}`;
        if (seenSpans.has(span)) continue;
        seenSpans.add(span);
        mentions.push({ entityId, mention });
      }
    }
    if (mentions.length === 0) continue;
    mentions.sort((a, b) => a.mention.start - b.mention.start || a.mention.end - b.mention.end);
    // Ascending as numbers (bigint ids as text: shorter is smaller), the same for every instance.
    const named = [...new Set(mentions.map((item) => item.entityId))].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
    articleIds.push(message.articleId);
    namedEntities.addNumbers(named, (entityId) => entityId);
    mentionEntities.addNumbers(mentions, (item) => item.entityId);
    starts.addNumbers(mentions, (item) => item.mention.start);
    ends.addNumbers(mentions, (item) => item.mention.end);
    surfaces.addTexts(mentions, (item) => item.mention.text);
    roles.addTexts(mentions, (item) => item.mention.role);
  }
  if (articleIds.length === 0) return;
  // One array per column: bound and planned faster as arrays than as VALUES tuples. The arrays
  // travel as array literals, to be unnested a level at a time (Postgres has no arrays of arrays;
  // a 2-D array would need rows of equal length). A row already there was inserted by another
  // instance writing the same new article at the same time (while its partition moves): the
  // insert waits for that instance's commit either way, but skipping instead of failing on the key
  // lets this batch reach the check under the story lock, which finds the article written
  // meanwhile and starts the batch again.
  await manager.query(
    `INSERT INTO article_mentions (article_id, entity_ids, mention_entity_ids, start_offsets, end_offsets, surfaces, roles)
     SELECT article_id, entity_ids::bigint[], mention_entity_ids::bigint[], start_offsets::integer[], end_offsets::integer[], surfaces::text[], roles::text[]
       FROM unnest($1::varchar[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
         AS m(article_id, entity_ids, mention_entity_ids, start_offsets, end_offsets, surfaces, roles)
     ON CONFLICT (article_id) DO NOTHING`,
    [articleIds, namedEntities.toString(), mentionEntities.toString(), starts.toString(), ends.toString(), surfaces.toString(), roles.toString()],
  );
}

async function replaceQuotes(manager: EntityManager, articles: PreparedArticle[], entityIds: Map<string, string>, storedIds: string[]): Promise<void> {
  await deleteRowsOf(manager, 'quotes', storedIds);
  const rows = articles.flatMap((article) => {
    const ownKeys = new Set(article.input.message.entities.map((entity) => entity.key));
    // Absent quotes (an extractor that predates them) mean none: the article's old quotes go.
    const quotes: ExtractedQuote[] = article.input.message.quotes ?? [];
    return quotes.map((quote) => [
      article.id,
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

/**
 * Chooses a story for every article about to be written that has none stored: the story of its
 * best match among stored articles (found through the sketch and salient-entity indexes) and the
 * batch's earlier articles, or a new one. A stored article keeps its story, so re-delivery changes
 * nothing. The caller holds the story lock, so two storage instances never start two stories for
 * one event.
 */
async function assignStories(
  manager: EntityManager,
  articles: PreparedArticle[],
  stored: Map<string, StoredArticle>,
  rule: StoryRule,
  commonSketchHashes: Set<number>,
): Promise<Map<string, StoryAssignment>> {
  const assignments = new Map<string, StoryAssignment>();
  const needing: PreparedArticle[] = [];
  for (const article of articles) {
    const storyId = stored.get(article.id)?.storyId;
    if (storyId) assignments.set(article.id, { storyId, reason: 'kept' });
    else needing.push(article);
  }
  if (needing.length === 0) return assignments;
  const candidates = await storyCandidates(manager, needing, rule, commonSketchHashes);
  // Placeholder story ids (`new:<article id>`) for stories this batch starts, resolved below.
  const assignedInBatch: StoryCandidate[] = [];
  for (const article of needing) {
    const pool = [...(candidates.get(article.id) ?? []), ...assignedInBatch];
    const match = chooseStory({ simhash: article.simhash, publishedAt: article.publishedAt, salientEntities: article.salient }, pool, rule);
    const assignment: StoryAssignment = !match
      ? { storyId: `new:${article.id}`, reason: 'new' }
      : match.reason === 'near-duplicate'
        ? { storyId: match.storyId, reason: match.reason, matchedArticleId: match.articleId, distance: match.distance }
        : { storyId: match.storyId, reason: match.reason, matchedArticleId: match.articleId, sharedEntities: match.sharedEntities, overlap: match.overlap };
    assignments.set(article.id, assignment);
    assignedInBatch.push({ articleId: article.id, storyId: assignment.storyId, simhash: article.simhash, publishedAt: article.publishedAt, salientEntities: article.salient });
  }
  const newStoryIds = await insertStories(manager, needing.filter((article) => assignments.get(article.id)?.reason === 'new'));
  for (const assignment of assignments.values()) {
    if (assignment.storyId.startsWith('new:')) assignment.storyId = newStoryIds.get(assignment.storyId.slice(4))!;
  }
  return assignments;
}

/**
 * Stored articles that may share a story with the batch's articles: those sharing a sketch hash
 * (one GIN lookup for the whole batch), and those dated within the window that share enough
 * salient entities (index range scans on article_salient_entities).
 */
async function storyCandidates(
  manager: EntityManager,
  articles: PreparedArticle[],
  rule: StoryRule,
  commonSketchHashes: Set<number>,
): Promise<Map<string, StoryCandidate[]>> {
  type Row = { article_id: string; story_id: string | null; simhash: string | null; published_at: Date | null; salient_entities: string[] };
  const bySubject = new Map<string, Map<string, StoryCandidate>>();
  // One candidate object per stored article, however many of the batch's articles it may match.
  const parsed = new Map<string, StoryCandidate>();
  const add = (subjectId: string, row: Row) => {
    // The batch's own articles are compared in memory; a stored row without a story (its story
    // was deleted) cannot lend one.
    if (row.story_id === null || row.article_id === subjectId) return;
    let candidate = parsed.get(row.article_id);
    if (!candidate) {
      candidate = {
        articleId: row.article_id,
        storyId: String(row.story_id),
        simhash: row.simhash === null ? null : BigInt(row.simhash),
        publishedAt: row.published_at ? new Date(row.published_at) : null,
        salientEntities: row.salient_entities,
      };
      parsed.set(row.article_id, candidate);
    }
    let list = bySubject.get(subjectId);
    if (!list) bySubject.set(subjectId, (list = new Map()));
    list.set(row.article_id, candidate);
  };

  const rows = await sketchNeighbours(manager, articles, commonSketchHashes);
  if (rows.length > 0) {
    const subjectsByHash = new Map<number, PreparedArticle[]>();
    for (const article of articles) {
      for (const hash of article.sketch) {
        if (commonSketchHashes.has(hash)) continue;
        const subjects = subjectsByHash.get(hash);
        if (subjects) subjects.push(article);
        else subjectsByHash.set(hash, [article]);
      }
    }
    // A shared sketch hash only proposes a near-duplicate: rows further than the rule's Hamming
    // distance are dropped here (accounts of the same event come from the entity lookup below).
    // Common phrases put one hash in many sketches, and keeping every pairing cost most of a batch.
    for (const row of rows) {
      if (row.simhash === null) continue;
      const rowSimhash = BigInt(row.simhash);
      const subjects = new Set(row.shingle_sketch.flatMap((hash) => subjectsByHash.get(hash) ?? []));
      for (const subject of subjects) {
        if (subject.simhash !== null && hammingDistance(subject.simhash, rowSimhash) <= rule.maxHammingDistance) add(subject.id, row);
      }
    }
  }

  const dated = articles.filter((article) => article.publishedAt && article.salient.length >= rule.minSharedEntities);
  if (dated.length > 0) {
    const subjects = JSON.stringify(dated.map((article) => ({ article_id: article.id, salient: article.salient, published_at: article.publishedAt!.toISOString() })));
    const rows: Array<Row & { subject_id: string }> = await manager.query(
      `WITH subject AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS s(article_id text, salient text[], published_at timestamptz)
       ), shared AS (
         SELECT s.article_id AS subject_id, x.article_id, count(*) AS shared_entities
           FROM subject s CROSS JOIN LATERAL unnest(s.salient) AS k(entity_key)
           CROSS JOIN LATERAL (
             SELECT e.article_id FROM article_salient_entities e
              WHERE e.entity_key = k.entity_key
                AND e.published_at BETWEEN s.published_at - $2::interval AND s.published_at + $2::interval
                AND e.article_id <> s.article_id
              ORDER BY e.published_at DESC
              LIMIT $4
           ) x
          GROUP BY s.article_id, x.article_id
         HAVING count(*) >= $3
       ), best AS (
         SELECT subject_id, article_id,
                row_number() OVER (PARTITION BY subject_id ORDER BY shared_entities DESC, article_id) AS rank
           FROM shared
       )
       SELECT best.subject_id, a.article_id, a.story_id, a.simhash, a.published_at, a.salient_entities
         FROM best JOIN articles a ON a.article_id = best.article_id
        WHERE best.rank <= $5 AND a.story_id IS NOT NULL`,
      [subjects, `${rule.sameEventMaxDays} days`, rule.minSharedEntities, SAME_EVENT_ROWS_PER_ENTITY, STORY_CANDIDATE_LIMIT],
    );
    rows.forEach((row) => add(row.subject_id, row));
  }
  return new Map([...bySubject].map(([subjectId, candidates]) => [subjectId, [...candidates.values()]]));
}

type SketchNeighbour = { article_id: string; story_id: string | null; simhash: string | null; published_at: Date | null; salient_entities: string[]; shingle_sketch: number[] };

/**
 * Stored articles sharing a sketch hash with the batch's articles (one GIN lookup), leaving out
 * boilerplate hashes. A hash seen on more than COMMON_HASH_STORIES stories among the rows is
 * remembered as boilerplate; when the lookup came back full, it is run again without it.
 */
async function sketchNeighbours(manager: EntityManager, articles: PreparedArticle[], commonSketchHashes: Set<number>): Promise<SketchNeighbour[]> {
  const limit = STORY_CANDIDATE_LIMIT * articles.length;
  // Each pass that comes back full leaves out the hashes it found common; a few passes settle it.
  for (let pass = 1; ; pass++) {
    const hashes = [...new Set(articles.flatMap((article) => article.sketch))].filter((hash) => !commonSketchHashes.has(hash));
    if (hashes.length === 0) return [];
    // Sketch hashes are chosen to be rare, so the GIN index is always the plan; without fresh
    // statistics (a table filling up) the planner would scan the table instead.
    await manager.query(`SET LOCAL enable_seqscan = off`);
    const rows: SketchNeighbour[] = await manager.query(
      `SELECT article_id, story_id, simhash, published_at, salient_entities, shingle_sketch FROM articles
        WHERE shingle_sketch && $1::integer[]
        LIMIT $2`,
      [hashes, limit],
    );
    await manager.query(`RESET enable_seqscan`);
    const learnt = learnCommonHashes(rows, new Set(hashes), commonSketchHashes);
    if (!learnt || rows.length < limit || pass === 3) return rows;
  }
}

/** Adds the hashes carried by rows of too many stories to `common`; says whether it added any. */
function learnCommonHashes(rows: SketchNeighbour[], asked: Set<number>, common: Set<number>): boolean {
  const storiesByHash = new Map<number, Set<string>>();
  for (const row of rows) {
    for (const hash of row.shingle_sketch) {
      if (!asked.has(hash)) continue;
      let stories = storiesByHash.get(hash);
      if (!stories) storiesByHash.set(hash, (stories = new Set()));
      stories.add(row.story_id === null ? `article:${row.article_id}` : String(row.story_id));
    }
  }
  let learnt = false;
  for (const [hash, stories] of storiesByHash) {
    if (stories.size <= COMMON_HASH_STORIES) continue;
    if (common.size >= COMMON_HASHES_REMEMBERED) common.clear();
    common.add(hash);
    learnt = true;
  }
  return learnt;
}

async function replaceSalientEntities(manager: EntityManager, articles: PreparedArticle[], storedIds: string[]): Promise<void> {
  await deleteRowsOf(manager, 'article_salient_entities', storedIds);
  const rows = articles
    .filter((article) => article.publishedAt)
    .flatMap((article) => [...new Set(article.salient)].map((key) => [key, article.publishedAt!.toISOString(), article.id]));
  await manager.query(
    `INSERT INTO article_salient_entities (entity_key, published_at, article_id)
     SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::varchar[])`,
    columnsOf(rows, 3),
  );
}

/** Deletes the rows of stored articles that are about to be written again. */
async function deleteRowsOf(manager: EntityManager, table: 'article_mentions' | 'quotes' | 'article_salient_entities', articleIds: string[]): Promise<void> {
  if (articleIds.length === 0) return;
  await manager.query(`DELETE FROM ${table} WHERE article_id = ANY($1::varchar[])`, [articleIds]);
}

/** Returns the new story id for each starting article id. */
async function insertStories(manager: EntityManager, articles: PreparedArticle[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const rows = articles.map((article) => [article.id, article.input.message.article.headline]);
  for (const chunk of chunksByParameters(rows, 2)) {
    const { placeholders, parameters } = valuesClause(chunk);
    const returned: Array<{ id: string; first_article_id: string }> = await manager.query(
      `INSERT INTO stories (first_article_id, headline) VALUES ${placeholders}
       ON CONFLICT (first_article_id) DO UPDATE SET headline = EXCLUDED.headline
       RETURNING id, first_article_id`,
      parameters,
    );
    returned.forEach((row) => ids.set(row.first_article_id, String(row.id)));
  }
  return ids;
}

/** Article count and date span of the given stories, written only where they changed. */
async function refreshStories(manager: EntityManager, storyIds: string[]): Promise<void> {
  if (storyIds.length === 0) return;
  await manager.query(
    `UPDATE stories s
        SET article_count = x.n, first_published_at = x.first, last_published_at = x.last, updated_at = now()
       FROM (SELECT story_id, count(*)::int AS n, min(published_at) AS first, max(published_at) AS last
               FROM articles WHERE story_id = ANY($1::bigint[]) GROUP BY story_id) x
      WHERE s.id = x.story_id
        AND (s.article_count, s.first_published_at, s.last_published_at) IS DISTINCT FROM (x.n, x.first, x.last)`,
    [storyIds],
  );
}

function* chunksByParameters<T>(rows: T[][], columnCount: number): Generator<T[][]> {
  const rowsPerStatement = Math.floor(MAX_BIND_PARAMETERS / columnCount);
  for (let start = 0; start < rows.length; start += rowsPerStatement) yield rows.slice(start, start + rowsPerStatement);
}

/** Rows as one array per column, for `unnest($1::…[], $2::…[], …)`. */
function columnsOf(rows: unknown[][], columnCount: number): unknown[][] {
  const columns: unknown[][] = Array.from({ length: columnCount }, () => []);
  for (const row of rows) row.forEach((value, index) => columns[index].push(value));
  return columns;
}

/** A Postgres array literal (`{1,2}`, `{"a b",NULL}`), for binding ragged arrays as one text each. */
function arrayLiteral(values: Array<string | number | null>): string {
  const elements = values.map((value) =>
    value === null ? 'NULL' : typeof value === 'number' ? String(value) : `"${value.replace(/[\\"]/g, (char) => `\\${char}`)}"`,
  );
  return `{${elements.join(',')}}`;
}

/**
 * A `text[]` literal whose elements are array literals, one per row, written in one pass:
 * `{"{1,5}","{7}"}`, or for texts `{"{\"Kim\",NULL}"}`. Binding the rows' literals as a
 * JavaScript array had pg escape each of them again and build the whole literal by concatenation:
 * per stored story, 15 % of the storage service's allocations and most of its array escaping. It
 * escapes texts itself rather than quoting arrayLiteral's output again: that took 0.55-0.66 ms of
 * client CPU per article stored against 0.50-0.52 (bench:storage, wire corpus, batches of 200).
 */
class NestedArrayLiteral {
  private readonly rows: string[] = [];

  /** Numbers, or whole numbers as decimal text (bigint ids): written as they are. */
  addNumbers<T>(items: readonly T[], value: (item: T) => number | string): void {
    let row = '"{';
    for (let index = 0; index < items.length; index++) row += (index > 0 ? ',' : '') + String(value(items[index]));
    this.rows.push(`${row}}"`);
  }

  /** Each text quoted for the row's literal, and that literal quoted again as an element of the outer one. */
  addTexts<T>(items: readonly T[], value: (item: T) => string | null): void {
    let row = '"{';
    for (let index = 0; index < items.length; index++) {
      const text = value(items[index]);
      if (index > 0) row += ',';
      // NULL unquoted is a null element; a backslash or quote inside is escaped twice (\\\\ and \\\").
      row += text === null ? 'NULL' : `\\"${NEEDS_ESCAPE.test(text) ? text.replace(ESCAPED_CHARACTERS, escapeTwice) : text}\\"`;
    }
    this.rows.push(`${row}}"`);
  }

  toString(): string {
    return `{${this.rows.join(',')}}`;
  }
}

const NEEDS_ESCAPE = /[\\"]/;
const ESCAPED_CHARACTERS = /[\\"]/g;
const escapeTwice = (char: string): string => (char === '\\' ? '\\\\\\\\' : '\\\\\\"');

function valuesClause(rows: unknown[][]): { placeholders: string; parameters: unknown[] } {
  const parameters: unknown[] = [];
  const placeholders = rows
    .map((row) => `(${row.map((value) => `$${parameters.push(value)}`).join(', ')})`)
    .join(', ');
  return { placeholders, parameters };
}

/** A date-only publishedAt means that calendar day in UTC, whatever the session's time zone. */
function asTimestamp(publishedAt: string | null): string | null {
  return publishedAt && /^\d{4}-\d{2}-\d{2}$/.test(publishedAt) ? `${publishedAt}T00:00:00Z` : publishedAt;
}
