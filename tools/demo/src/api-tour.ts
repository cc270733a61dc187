/**
 * A few read-only queries against services/api about what the demo stored, so the demo shows the
 * API answering as users would call it. The entity asked about is whichever the first article
 * names most; nothing here knows the sample stories.
 */
interface ArticleDetail {
  articleId: string;
  headline: string | null;
  storyId: string | null;
  entities: Array<{ id: string; canonicalName: string; type: string; mentionCount: number }>;
  quotes: unknown[];
}
interface EntityDetail {
  entity: { canonicalName: string; type: string; articleCount: number };
  quotes: unknown[];
  coOccurring: Array<{ canonicalName: string }>;
}
interface StoryDetail {
  story: { articleCount: number };
}
interface ArticlePage {
  items: Array<{ articleId: string }>;
}

export async function apiTour(apiUrl: string, apiKey: string, articleIds: string[]): Promise<string[]> {
  const get = async <T>(route: string): Promise<T> => {
    const response = await fetch(`${apiUrl}${route}`, { headers: { authorization: `Bearer ${apiKey}` }, signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`GET ${route} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  };
  const lines = [`the query API at ${apiUrl} (OpenAPI at ${apiUrl}/docs):`];
  const articles: ArticleDetail[] = [];
  for (const articleId of articleIds) {
    const article = await get<ArticleDetail>(`/articles/${articleId}`);
    articles.push(article);
    lines.push(`  GET /articles/${articleId}  "${article.headline ?? '(no headline)'}": ${article.entities.length} entities, ${article.quotes.length} quote(s), story ${article.storyId ?? '-'}`);
  }
  const [first] = articles;
  const top = [...first.entities].sort((a, b) => b.mentionCount - a.mentionCount)[0];
  if (top) {
    const detail = await get<EntityDetail>(`/entities/${top.id}`);
    const company = detail.coOccurring.slice(0, 4).map((entity) => entity.canonicalName).join(', ');
    lines.push(`  GET /entities/${top.id}  ${detail.entity.canonicalName} (${detail.entity.type}): ${detail.entity.articleCount} article(s), ${detail.quotes.length} quote(s); named with ${company || 'nobody else'}`);
    const query = encodeURIComponent(top.canonicalName);
    const page = await get<ArticlePage>(`/articles?q=${query}`);
    lines.push(`  GET /articles?q=${query}  ${page.items.length} article(s)`);
  }
  if (first.storyId) {
    const story = await get<StoryDetail>(`/stories/${first.storyId}`);
    lines.push(`  GET /stories/${first.storyId}  ${story.story.articleCount} article(s) in the first article's story`);
  }
  return lines;
}
