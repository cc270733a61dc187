import type { ArticleSummary } from '@wirestream/harness';

/** A plain-text table that reads well in a terminal and in CI logs; `traceLinks` (one per article) adds a Trace column. */
export function formatArticleTable(articles: ArticleSummary[], traceLinks?: string[]): string {
  const rows = articles.map((article, index) => ({
    headline: truncate(article.headline ?? `(no headline) ${article.lede}`, 58),
    dateline: article.dateline ?? '—',
    byline: article.byline ?? '—',
    source: [article.publisher, article.originatingAgency].filter(Boolean).join(' / ') || '—',
    entities: Object.entries(article.entityCounts).map(([type, count]) => `${type} ${count}`).join(', ') || '—',
    top: article.topEntities.join('; ') || '—',
    trace: traceLinks?.[index] ?? '—',
  }));
  const header = { headline: 'Headline', dateline: 'Dateline', byline: 'Byline', source: 'Publisher / agency', entities: 'Entities', top: 'Top entities (mentions)', trace: 'Trace' };
  const columns = (Object.keys(header) as Array<keyof typeof header>).filter((column) => column !== 'trace' || traceLinks);
  const widths = columns.map((column) => Math.max(header[column].length, ...rows.map((row) => row[column].length)));
  const line = (cells: Record<keyof typeof header, string>) => columns.map((column, i) => cells[column].padEnd(widths[i])).join(' │ ');
  return [line(header), widths.map((width) => '─'.repeat(width)).join('─┼─'), ...rows.map(line)].join('\n');
}

function truncate(text: string, length: number): string {
  const single = text.replace(/\s+/g, ' ').trim();
  return single.length > length ? `${single.slice(0, length - 1)}…` : single;
}
