import type { DataSource } from 'typeorm';
import { GENERATED_DOCUMENT_BASE, type GeneratedArticle } from './generate-articles';

/**
 * The event and kind of a generated article, read back from the document address the generator
 * gave it (`…/event-<id>`, `-copy`, `-retold`); null for any other address.
 */
export function generatedEventOf(documentUri: string): { eventId: number; kind: GeneratedArticle['kind'] } | null {
  if (!documentUri.startsWith(GENERATED_DOCUMENT_BASE)) return null;
  const match = /^event-(\d+)(-copy|-retold)?$/.exec(documentUri.slice(GENERATED_DOCUMENT_BASE.length));
  if (!match) return null;
  return { eventId: Number(match[1]), kind: match[2] === '-copy' ? 'syndicated' : match[2] === '-retold' ? 'retold' : 'original' };
}

/**
 * How the story rule did on a generated archive, whose true grouping is known: each stored article's
 * event is read back from its address, so the benchmark keeps nothing per article in memory while
 * it writes (with a million entries, its garbage collection grew beside the timed writes).
 */
export async function measureGrouping(db: DataSource) {
  const rows: Array<{ document_uri: string; story_id: string }> = await db.query(`SELECT document_uri, story_id FROM articles`);
  const articles = rows.flatMap((row) => {
    const event = generatedEventOf(row.document_uri);
    return event ? [{ ...event, story: String(row.story_id) }] : [];
  });
  const originalStory = new Map<number, string>();
  for (const { eventId, kind, story } of articles) if (kind === 'original') originalStory.set(eventId, story);
  const joined = { syndicated: [0, 0], retold: [0, 0] };
  const eventsByStory = new Map<string, Set<number>>();
  for (const { eventId, kind, story } of articles) {
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
