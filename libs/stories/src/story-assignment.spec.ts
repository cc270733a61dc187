import { assignInBatch, resolveNewStories, type BatchArticle } from './story-assignment';
import type { StoryCandidate } from './story-rule';

describe('assignInBatch', () => {
  const simhash = 0x1234_5678_9abc_def0n;
  const article = (articleId: string, over: Partial<BatchArticle> = {}): BatchArticle => ({ articleId, simhash, publishedAt: null, salientEntities: [], ...over });

  it('starts a story for an article with no match, and lets a later copy in the batch join it', () => {
    const assignments = assignInBatch([article('a'), article('b', { simhash: simhash ^ 0b111n })], new Map());
    expect(assignments.get('a')).toEqual({ storyId: 'new:a', reason: 'new' });
    expect(assignments.get('b')).toEqual({ storyId: 'new:a', reason: 'near-duplicate', matchedArticleId: 'a', distance: 3 });
  });

  it("joins a stored candidate's story", () => {
    const stored: StoryCandidate = { articleId: 'old', storyId: '42', simhash: simhash ^ 1n, publishedAt: null, salientEntities: [] };
    expect(assignInBatch([article('a')], new Map([['a', [stored]]])).get('a')).toMatchObject({ storyId: '42', reason: 'near-duplicate', matchedArticleId: 'old' });
  });

  it('keeps unrelated articles of one batch in stories of their own', () => {
    const assignments = assignInBatch([article('a'), article('b', { simhash: ~simhash })], new Map());
    expect([...assignments.values()].map((assignment) => assignment.storyId)).toEqual(['new:a', 'new:b']);
  });

  it('replaces placeholders with the inserted stories, and refuses one left without a story', () => {
    const assignments = assignInBatch([article('a'), article('b')], new Map());
    resolveNewStories(assignments.values(), new Map([['a', '7']]));
    expect([...assignments.values()].map((assignment) => assignment.storyId)).toEqual(['7', '7']);
    expect(() => resolveNewStories([{ storyId: 'new:c', reason: 'new' }], new Map())).toThrow('new:c');
  });
});
