import { articleIdFor, enrichedArticleOf, normalizedArticleOf, type EnrichedArticleV3, type ExtractedEntity } from '@wirestream/contracts';
import { nearDuplicateSignature } from '@wirestream/normalize';
import { seededRandom } from '@wirestream/harness';

/**
 * Deterministic synthetic wire copy for the storage benchmark: events with a few core entities and
 * a date, each told once, and some of them also syndicated (the same text with another header and
 * trailer, sometimes undated or trimmed) or retold by another agency (other text, same core
 * entities, within a day). Which articles belong together is known, so the benchmark can also
 * measure the story rule.
 */
export interface GeneratedArticle {
  message: EnrichedArticleV3;
  /** Articles of one event share this; the story rule should put them in one story. */
  eventId: number;
  kind: 'original' | 'syndicated' | 'retold';
}

export interface GeneratorOptions {
  articles: number;
  seed?: number;
  syndicatedShare?: number;
  retoldShare?: number;
  entityPool?: number;
  days?: number;
  /**
   * Publish events in order over the days (an archive written as the news happened, with a day's
   * jitter), instead of on random days; the article count must be known for it.
   */
  chronological?: boolean;
}

/** Where generated articles are said to come from: `<base>event-<id>`, `-copy` or `-retold` (see generatedEventOf). */
export const GENERATED_DOCUMENT_BASE = 'https://bench.example/';

const AGENCIES = ['Yonhap', 'Kuwait News Agency (KUNA)', 'Reuters', 'AFP', 'AP', 'Kyodo', 'Xinhua', 'dpa'];
const TYPES: Array<ExtractedEntity['type']> = ['PERSON', 'PERSON', 'ORG', 'GPE'];
const SYLLABLES = ['ka', 'lo', 'min', 'sa', 'ter', 'ven', 'dor', 'ri', 'an', 'mu', 'sel', 'to', 'ba', 'nel', 'quo', 'ir', 'pe', 'zan', 'ho', 'lu', 've', 'gra', 'sto', 'ny'];

export function generateArticles(options: GeneratorOptions): GeneratedArticle[] {
  return [...generateArticleStream(options)];
}

/** The same articles one at a time, so a million need not be held in memory at once. */
export function* generateArticleStream(options: GeneratorOptions): Generator<GeneratedArticle> {
  const random = seededRandom(options.seed ?? 42);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  const word = (syllables: number) => Array.from({ length: syllables }, () => pick(SYLLABLES)).join('');
  const vocabulary = Array.from({ length: 4000 }, () => word(1 + Math.floor(random() * 3)));
  const entities = Array.from({ length: options.entityPool ?? 5000 }, (_, index) => {
    const type = TYPES[index % TYPES.length];
    const name = type === 'PERSON' ? `${capital(word(2))} ${capital(word(2))}` : `${capital(word(3))}${type === 'ORG' ? ' Council' : ''}`;
    return { key: `${type}:${name.toLowerCase()}#${index}`, name, type };
  });
  const entityByKey = new Map(entities.map((entity) => [entity.key, entity]));
  // A few entities are in much of the news (Zipf-like), as with "United States" or "Seoul".
  const pickEntity = () => entities[Math.min(entities.length - 1, Math.floor(Math.pow(random(), 2.5) * entities.length))];
  const start = Date.UTC(2025, 0, 1);
  const days = options.days ?? 365;
  let produced = 0;
  let eventId = 0;

  const tell = (core: typeof entities, incidental: typeof entities) => {
    const body: string[] = [];
    const mentions = new Map<string, Array<{ start: number; end: number; text: string; role: null }>>();
    let length = 0;
    const sentences = 8 + Math.floor(random() * 8);
    for (let sentence = 0; sentence < sentences; sentence++) {
      const parts: string[] = [];
      const named = sentence < 3 ? core[sentence % core.length] : sentence % 2 === 0 ? pick(core) : pick(incidental);
      const words = 10 + Math.floor(random() * 12);
      for (let index = 0; index < words; index++) {
        if (index === 2) {
          const offset = length + parts.join(' ').length + (parts.length > 0 ? 1 : 0);
          const list = mentions.get(named.key) ?? [];
          list.push({ start: offset, end: offset + named.name.length, text: named.name, role: null });
          mentions.set(named.key, list);
          parts.push(named.name);
        } else parts.push(pick(vocabulary));
      }
      const text = `${capital(parts.join(' '))}.`;
      body.push(text);
      length += text.length + 1;
    }
    const extracted: ExtractedEntity[] = [...mentions.entries()].map(([key, list]) => {
      const entity = entityByKey.get(key)!;
      return { key, canonicalName: entity.name, type: entity.type as ExtractedEntity['type'], aliases: [], mentions: list };
    });
    return { body: body.join(' '), entities: extracted };
  };

  while (produced < options.articles) {
    eventId++;
    const core = Array.from({ length: 4 + Math.floor(random() * 3) }, pickEntity);
    const incidental = Array.from({ length: 4 }, pickEntity);
    const randomDay = Math.floor(random() * days);
    const day = options.chronological ? Math.min(days - 1, Math.floor((produced / options.articles) * days + random() - 0.5)) : randomDay;
    const publishedAt = new Date(start + day * 86_400_000 + Math.floor(random() * 86_400_000));
    const agency = pick(AGENCIES);
    const told = tell(core, incidental);
    // Read within two hours of moving, as a live feed reads it (not drawn from `random`, which
    // would change every later article).
    const fetchedAfter = (sent: Date) => new Date(sent.getTime() + 60_000 + ((eventId * 7_919 + produced) % 7_200) * 1_000).toISOString();
    produced++;
    yield { eventId, kind: 'original', message: enriched(`event-${eventId}`, 'wire-' + (eventId % 20), told.body, told.entities, publishedAt.toISOString(), fetchedAfter(publishedAt), agency) };
    if (random() < (options.syndicatedShare ?? 0.1) && produced < options.articles) {
      // Header and trailer around the same text; offsets shift by the header's length.
      const header = `${pick(vocabulary).toUpperCase()} (${pick(AGENCIES)}) -- `;
      const trimmed = random() < 0.3 ? told.body.slice(0, Math.floor(told.body.length * 0.8)) : told.body;
      const body = `${header}${trimmed} (Editing by ${capital(word(2))})`;
      const shifted = told.entities
        .map((entity) => ({ ...entity, mentions: entity.mentions.filter((mention) => mention.end <= trimmed.length).map((mention) => ({ ...mention, start: mention.start + header.length, end: mention.end + header.length })) }))
        .filter((entity) => entity.mentions.length > 0);
      produced++;
      yield { eventId, kind: 'syndicated', message: enriched(`event-${eventId}-copy`, 'syndication', body, shifted, random() < 0.5 ? null : publishedAt.toISOString(), fetchedAfter(publishedAt), null) };
    }
    if (random() < (options.retoldShare ?? 0.1) && produced < options.articles) {
      const retold = tell(core, Array.from({ length: 4 }, pickEntity));
      const later = new Date(publishedAt.getTime() + Math.floor(random() * 86_400_000));
      produced++;
      yield { eventId, kind: 'retold', message: enriched(`event-${eventId}-retold`, 'wire-' + ((eventId + 7) % 20), retold.body, retold.entities, later.toISOString(), fetchedAfter(later), pick(AGENCIES)) };
    }
  }
}

function enriched(
  guid: string,
  sourceId: string,
  body: string,
  entities: ExtractedEntity[],
  publishedAt: string | null,
  fetchedAt: string,
  agency: string | null,
): EnrichedArticleV3 {
  const articleId = articleIdFor({ sourceId, guid });
  const article = normalizedArticleOf({
    body,
    articleId,
    sourceId,
    documentUri: `${GENERATED_DOCUMENT_BASE}${guid}`,
    fetchedAt,
    headline: body.slice(0, 60),
    publishedAt,
    publishedAtSource: publishedAt ? 'feed' : null,
    originatingAgency: agency,
    // As the normalizer computes it, so the benchmark's grouping runs on real signatures.
    nearDuplicate: nearDuplicateSignature(body),
    normalizerVersion: '1.0.0',
  });
  return enrichedArticleOf({ articleId, extractorVersion: 'bench-1.0.0', entities, article });
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

