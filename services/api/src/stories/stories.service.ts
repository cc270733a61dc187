import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { StoryDetailDto } from '../common/api.dto';
import { ARTICLE_SUMMARY_COLUMNS, isoOrNull, toArticleSummary, type ArticleSummaryRow } from '../common/article-rows';
import { listed, type Viewer } from '../common/visibility';

/** Most articles listed with a story; a story larger than this is cut (oldest first). */
const STORY_ARTICLES = 500;

@Injectable()
export class StoriesService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The story as this viewer may see it: its shown articles (current versions, released, not
   * killed), its headline, first article, count and dates from them; 404 when none may be shown.
   */
  async get(id: string, viewer: Viewer): Promise<StoryDetailDto> {
    const [story] = await this.dataSource.query(
      `SELECT id, headline, first_article_id, article_count, first_published_at, last_published_at FROM stories WHERE id = $1`,
      [id],
    );
    const articles: Array<ArticleSummaryRow & { shown_count: number }> = story
      ? await this.dataSource.query(
          `SELECT ${ARTICLE_SUMMARY_COLUMNS}, count(*) OVER ()::int AS shown_count FROM articles a
            WHERE a.story_id = $1 AND ${listed('a', '$3')} ORDER BY a.sort_at, a.article_id LIMIT $2`,
          [id, STORY_ARTICLES, viewer.seesEmbargoed],
        )
      : [];
    if (!story || articles.length === 0) throw new NotFoundException({ statusCode: 404, error: 'Not Found', message: `no story ${id}` });
    // The stored summary counts every article; when some are not shown, it is told from those that are.
    const whole = articles[0].shown_count === story.article_count;
    const first = articles[0];
    const last = articles[articles.length - 1];
    return {
      story: {
        id: String(story.id),
        headline: whole ? story.headline : first.headline,
        firstArticleId: whole ? story.first_article_id : first.article_id,
        articleCount: articles[0].shown_count,
        firstPublishedAt: whole ? isoOrNull(story.first_published_at) : isoOrNull(first.published_at),
        lastPublishedAt: whole ? isoOrNull(story.last_published_at) : isoOrNull(last.published_at),
      },
      articles: articles.map(toArticleSummary),
    };
  }
}
