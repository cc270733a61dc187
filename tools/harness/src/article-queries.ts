import { createDataSource } from '@wirestream/db';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';

/** Runs `work` on a connection of its own to `databaseUrl`, closed after (schema set-up and clean-up, outside any pool). */
export async function withClient<T>(databaseUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Applies pending migrations to the database at `databaseUrl`. */
export async function migrate(databaseUrl: string): Promise<void> {
  const dataSource = createDataSource(databaseUrl);
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

/** Waits until every article id was written at or after `since`; returns the ids still missing on timeout. */
export async function waitForArticles(dataSource: DataSource, articleIds: string[], since: Date, timeoutMs: number): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  let missing = articleIds;
  while (missing.length > 0 && Date.now() < deadline) {
    const rows: Array<{ article_id: string }> = await dataSource.query(
      `SELECT article_id FROM articles WHERE article_id = ANY($1) AND updated_at >= $2`,
      [missing, since],
    );
    const stored = new Set(rows.map((row) => row.article_id));
    missing = missing.filter((id) => !stored.has(id));
    if (missing.length > 0) await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return missing;
}

export interface ArticleSummary {
  articleId: string;
  headline: string | null;
  lede: string;
  dateline: string | null;
  byline: string | null;
  publisher: string | null;
  originatingAgency: string | null;
  entityCounts: Record<string, number>;
  topEntities: string[];
  /** The trace id of the story's journey through the pipeline, as storage recorded it. */
  traceId: string | null;
}

/** What the demo prints: each article with its entity counts by type and its most-mentioned entities. */
export async function summarizeArticles(dataSource: DataSource, articleIds: string[]): Promise<ArticleSummary[]> {
  const articles: Array<Record<string, string | string[] | null>> = await dataSource.query(
    `SELECT article_id, headline, left(body, 90) AS lede, dateline_place, dateline_date_text, dateline_agency,
            byline_names, publisher, originating_agency, trace_id
       FROM articles WHERE article_id = ANY($1) ORDER BY article_id`,
    [articleIds],
  );
  const entities: Array<{ article_id: string; canonical_name: string; type: string; mentions: string }> = await dataSource.query(
    `SELECT m.article_id, e.canonical_name, e.type, count(*) AS mentions
       FROM mentions m JOIN entities e ON e.id = m.entity_id
      WHERE m.article_id = ANY($1)
      GROUP BY m.article_id, e.canonical_name, e.type
      ORDER BY count(*) DESC, e.canonical_name`,
    [articleIds],
  );
  return articles.map((row) => {
    const own = entities.filter((entity) => entity.article_id === row.article_id);
    const entityCounts: Record<string, number> = {};
    own.forEach((entity) => (entityCounts[entity.type] = (entityCounts[entity.type] ?? 0) + 1));
    const datelineParts = [row.dateline_place, row.dateline_date_text].filter(Boolean).join(', ');
    return {
      articleId: row.article_id as string,
      headline: row.headline as string | null,
      lede: row.lede as string,
      dateline: datelineParts || row.dateline_agency ? `${datelineParts}${row.dateline_agency ? ` (${row.dateline_agency})` : ''}` : null,
      byline: (row.byline_names as string[]).join(', ') || null,
      publisher: row.publisher as string | null,
      originatingAgency: row.originating_agency as string | null,
      entityCounts,
      topEntities: own.slice(0, 4).map((entity) => `${entity.canonical_name} (${entity.mentions})`),
      traceId: row.trace_id as string | null,
    };
  });
}
