import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { StoryDetailDto } from '../common/api.dto';
import { ARTICLE_SUMMARY_COLUMNS, isoOrNull, toArticleSummary, type ArticleSummaryRow } from '../common/article-rows';

/** Most articles listed with a story; a story larger than this is cut (oldest first). */
const STORY_ARTICLES = 500;

@Injectable()
export class StoriesService {
  constructor(private readonly dataSource: DataSource) {}

  async get(id: string): Promise<StoryDetailDto> {
    const [story] = await this.dataSource.query(
      `SELECT id, headline, first_article_id, article_count, first_published_at, last_published_at FROM stories WHERE id = $1`,
      [id],
    );
    if (!story) throw new NotFoundException({ statusCode: 404, error: 'Not Found', message: `no story ${id}` });
    const articles: ArticleSummaryRow[] = await this.dataSource.query(
      `SELECT ${ARTICLE_SUMMARY_COLUMNS} FROM articles a WHERE a.story_id = $1 ORDER BY a.sort_at, a.article_id LIMIT $2`,
      [id, STORY_ARTICLES],
    );
    return {
      story: {
        id: String(story.id),
        headline: story.headline,
        firstArticleId: story.first_article_id,
        articleCount: story.article_count,
        firstPublishedAt: isoOrNull(story.first_published_at),
        lastPublishedAt: isoOrNull(story.last_published_at),
      },
      articles: articles.map(toArticleSummary),
    };
  }
}
