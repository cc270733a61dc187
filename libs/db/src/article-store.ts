import { ErrorCode, TransientError } from '@wirestream/contracts';
import { BoilerplateHashes, DEFAULT_STORY_RULE, type StoryAssignment, type StoryRule } from '@wirestream/stories';
import type { DataSource, EntityManager } from 'typeorm';
import { storedArticles, upsertArticles, upsertSources } from './articles/article-rows';
import { prepare, withoutNul, type PreparedArticle, type StoredArticleInput } from './articles/prepared-article';
import { recordKills } from './articles/wire-kill-rows';
import { EntityCountChanges } from './mentions/entity-article-counts';
import { upsertEntities } from './mentions/entity-rows';
import { replaceMentions } from './mentions/mention-rows';
import { replaceQuotes } from './mentions/quote-rows';
import { compareVersionRanks } from './pipeline-version';
import { assignStories, deleteSalientEntitiesOf, insertSalientEntities, refreshStories } from './stories/story-rows';

export { withoutNul, type StoredArticleInput } from './articles/prepared-article';
export type { StoryAssignment } from '@wirestream/stories';

export interface SaveBatchResult {
  /** Articles inserted or replaced (same or newer pipeline version). */
  written: string[];
  /** Articles left as they were because the stored row came from a newer pipeline version. */
  ignoredOlder: string[];
  stories: Map<string, StoryAssignment>;
}

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

/**
 * Idempotent writes of enriched articles, a batch per transaction: re-delivering a batch leaves
 * the database as it was. An article is upserted by id unless the stored row came from a newer
 * pipeline version; a written article's mentions and quotes are replaced; entities are upserted by
 * key, so one person mentioned by many articles is one row; a new article joins a story (see
 * `chooseStory`) or starts one, and keeps it when processed again. Each version of a wire item is
 * an article of its own; kill and withdrawal notices are recorded by the agency id they name
 * (`wire_kills`), and the API decides at read time what is current and may be shown.
 */
export class ArticleStore {
  /** Sketch hashes learnt to be boilerplate from this store's lookups (see BoilerplateHashes). */
  private readonly boilerplate = new BoilerplateHashes();

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
    // Shared with every other batch; a job deleting or merging entities takes it alone (see
    // ENTITY_LOCK_KEY). The batch keeps entity counts itself: the trigger that would lower them for
    // the mentions it replaces is off for this transaction (see EntityArticleCounts).
    await manager.query(`SELECT pg_advisory_xact_lock_shared($1), set_config('wirestream.entity_counts_by_writer', 'on', true)`, [ENTITY_LOCK_KEY]);
    await upsertSources(manager, articles);
    const stored = await storedArticles(manager, articles);
    const replacing = articles.filter((article) => {
      const row = stored.get(article.articleId);
      return !row || compareVersionRanks(row.versionRank, article.versionRank) <= 0;
    });
    const replacingIds = new Set(replacing.map((article) => article.articleId));
    result.ignoredOlder = articles.filter((article) => !replacingIds.has(article.articleId)).map((article) => article.articleId);
    if (replacing.length === 0) return result;
    const messages = replacing.map((article) => article.input.message);
    // Only a stored article has old mentions, quotes and salient entities to delete; most of a
    // batch is new, and a DELETE by a list of ids is a sequential scan once the planner thinks
    // the list matches much of a large table.
    const previouslyStored = replacing.filter((article) => stored.has(article.articleId)).map((article) => article.articleId);
    // Entities and mentions do not depend on stories, so they are written before the story lock,
    // while other storage instances write theirs. Nothing done under the story lock waits for
    // locks taken here, so an instance holding it never waits for one that wants it.
    const entityIds = await upsertEntities(manager, messages);
    const entityCounts = new EntityCountChanges();
    await replaceMentions(manager, messages, entityIds, previouslyStored, entityCounts);
    // Stories are chosen before the article rows are written, so each row is written once with
    // its story: setting story_id afterwards rewrote every row and all its index entries,
    // search vector included. From here to the commit, one storage instance at a time: another
    // must see these articles before it chooses stories for its own.
    await manager.query(`SELECT pg_advisory_xact_lock($1)`, [STORY_LOCK_KEY]);
    // Another instance may have written one of these articles since the read above (only while
    // partitions move between instances). What was decided from that read (replace or not, what to
    // delete) may then be wrong, so the whole batch starts again.
    const storedNow = await storedArticles(manager, articles);
    const changed = articles.filter((article) => stored.get(article.articleId)?.rowVersion !== storedNow.get(article.articleId)?.rowVersion);
    if (changed.length > 0) throw new ArticlesWrittenMeanwhile(changed.map((article) => article.articleId));
    result.stories = await assignStories(manager, replacing, stored, this.storyRule, this.boilerplate);
    // Found through the stored rows' own columns, so before they are replaced.
    await deleteSalientEntitiesOf(manager, previouslyStored);
    await upsertArticles(manager, replacing, result.stories, new Set(previouslyStored));
    result.written = replacing.map((article) => article.articleId);
    await recordKills(manager, replacing);
    await replaceQuotes(manager, replacing, entityIds, previouslyStored);
    await insertSalientEntities(manager, replacing);
    // Under the story lock, one instance at a time: counts of popular entities never make batches wait.
    await entityCounts.apply(manager);
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

