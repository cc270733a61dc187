import type { DataSource } from 'typeorm';
import type { GeneratedArticle } from './generate-articles';

/** What the grouping measure keeps of each generated article: a million of them fit in memory. */
export class GeneratedEvents {
  private readonly eventOf = new Map<string, { eventId: number; kind: GeneratedArticle['kind'] }>();

  add(article: GeneratedArticle): void {
    this.eventOf.set(article.message.articleId, { eventId: article.eventId, kind: article.kind });
  }

  /** How the story rule did on the generated events, whose true grouping is known. */
  async measure(db: DataSource) {
    const rows: Array<{ article_id: string; story_id: string }> = await db.query(`SELECT article_id, story_id FROM articles`);
    const storyOf = new Map(rows.map((row) => [row.article_id, String(row.story_id)]));
    const originalStory = new Map<number, string>();
    for (const [articleId, { eventId, kind }] of this.eventOf) if (kind === 'original') originalStory.set(eventId, storyOf.get(articleId)!);
    const joined = { syndicated: [0, 0], retold: [0, 0] };
    const eventsByStory = new Map<string, Set<number>>();
    for (const [articleId, { eventId, kind }] of this.eventOf) {
      const story = storyOf.get(articleId)!;
      eventsByStory.set(story, (eventsByStory.get(story) ?? new Set()).add(eventId));
      if (kind === 'original' || !originalStory.has(eventId)) continue;
      joined[kind][1]++;
      if (story === originalStory.get(eventId)) joined[kind][0]++;
    }
    const share = ([hits, total]: number[]) => (total === 0 ? 1 : Number((hits / total).toFixed(4)));
    return {
      events: originalStory.size,
      syndicatedJoined: share(joined.syndicated),
      retoldJoined: share(joined.retold),
      mixedStories: [...eventsByStory.values()].filter((events) => events.size > 1).length,
    };
  }
}
