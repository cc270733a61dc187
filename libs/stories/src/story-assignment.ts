import { chooseStory, DEFAULT_STORY_RULE, type StoryCandidate, type StoryRule, type StorySubject } from './story-rule';

/** Why an article has the story it has. */
export type StoryAssignment =
  | { storyId: string; reason: 'kept' | 'new' }
  | { storyId: string; reason: 'near-duplicate'; matchedArticleId: string; distance: number }
  | { storyId: string; reason: 'same-event'; matchedArticleId: string; sharedEntities: number; overlap: number };

/** An article of a batch that has no story yet. */
export interface BatchArticle extends StorySubject {
  articleId: string;
}

/** Placeholder story id of a story the batch starts (`new:<article id>`), until the store inserts it. */
const NEW_STORY_PREFIX = 'new:';

/**
 * Chooses a story for each article in order: the story of its best match among its stored
 * candidates and the batch's earlier articles, or a story of its own (reason `new`, with a
 * placeholder id that `resolveNewStories` replaces). Copies arriving in one batch thus join one story.
 */
export function assignInBatch(
  articles: readonly BatchArticle[],
  storedCandidates: ReadonlyMap<string, StoryCandidate[]>,
  rule: StoryRule = DEFAULT_STORY_RULE,
): Map<string, StoryAssignment> {
  const assignments = new Map<string, StoryAssignment>();
  const assignedInBatch: StoryCandidate[] = [];
  for (const article of articles) {
    const pool = [...(storedCandidates.get(article.articleId) ?? []), ...assignedInBatch];
    const match = chooseStory(article, pool, rule);
    const assignment: StoryAssignment = !match
      ? { storyId: `${NEW_STORY_PREFIX}${article.articleId}`, reason: 'new' }
      : match.reason === 'near-duplicate'
        ? { storyId: match.storyId, reason: match.reason, matchedArticleId: match.articleId, distance: match.distance }
        : { storyId: match.storyId, reason: match.reason, matchedArticleId: match.articleId, sharedEntities: match.sharedEntities, overlap: match.overlap };
    assignments.set(article.articleId, assignment);
    const { articleId, simhash, publishedAt, salientEntities } = article;
    assignedInBatch.push({ articleId, storyId: assignment.storyId, simhash, publishedAt, salientEntities });
  }
  return assignments;
}

/** Puts the inserted stories' ids (by the article that starts each) in place of the placeholders. */
export function resolveNewStories(assignments: Iterable<StoryAssignment>, newStoryIds: ReadonlyMap<string, string>): void {
  for (const assignment of assignments) {
    if (!assignment.storyId.startsWith(NEW_STORY_PREFIX)) continue;
    const storyId = newStoryIds.get(assignment.storyId.slice(NEW_STORY_PREFIX.length));
    if (storyId === undefined) throw new Error(`no story was inserted for ${assignment.storyId}`);
    assignment.storyId = storyId;
  }
}
