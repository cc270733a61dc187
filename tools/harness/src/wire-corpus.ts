/**
 * Synthetic wire stories for load and fault tests and the pipeline benchmark: varied datelines,
 * agencies, people, organisations, places and quotes, at wire length (250–600 words), grouped in
 * events with syndicated copies, deterministic for a seed, as plain wire text, RSS feeds and HTML
 * article pages. Invented text only.
 */
import { seededRandom } from './seeded-random';

const CITIES = [
  ['SEOUL', 'Yonhap'], ['TOKYO', 'Kyodo'], ['KUWAIT', 'KUNA'], ['CAIRO', 'MENA'], ['NAIROBI', 'Reuters'], ['BRUSSELS', 'AFP'],
  ['WASHINGTON', 'AP'], ['BEIJING', 'Xinhua'], ['NEW DELHI', 'PTI'], ['BRASILIA', 'Reuters'], ['CANBERRA', 'AAP'], ['MADRID', 'EFE'],
  ['ANKARA', 'Anadolu'], ['JAKARTA', 'Antara'], ['HANOI', 'VNA'], ['DOHA', 'QNA'], ['LAGOS', 'NAN'], ['LIMA', 'Andina'],
  ['OTTAWA', 'CP'], ['BERLIN', 'dpa'], ['ROME', 'ANSA'], ['WARSAW', 'PAP'], ['MANILA', 'PNA'], ['DHAKA', 'BSS'],
] as const;
const FIRST_NAMES = [
  'Maria', 'Seo-yeon', 'Kenji', 'Amina', 'Pierre', 'Olga', 'Rahul', 'Wei', 'Fatima', 'John', 'Ana', 'Erik', 'Grace', 'Tomasz',
  'Sara', 'Diego', 'Ahmed', 'Yuki', 'Chidi', 'Ingrid', 'Luca', 'Priya', 'Omar', 'Elena', 'Kwame', 'Hana', 'Mateo', 'Leila',
  'Arjun', 'Sofia', 'Min-jun', 'Nadia', 'Pablo', 'Aiko', 'Tariq', 'Freya', 'Joao', 'Mei', 'Viktor', 'Zainab',
];
const SURNAMES = [
  'Lopez', 'Han', 'Watanabe', 'Yusuf', 'Durand', 'Petrova', 'Mehta', 'Li', 'Al-Sayed', 'Carter', 'Souza', 'Lindholm', 'Mwangi',
  'Nowak', 'Cohen', 'Ramirez', 'Haddad', 'Tanaka', 'Okafor', 'Berg', 'Rossi', 'Sharma', 'Farouk', 'Ivanova', 'Mensah', 'Park',
  'Herrera', 'Nasser', 'Iyer', 'Moreau', 'Kim', 'Rahman', 'Silva', 'Sato', 'Aziz', 'Larsen', 'Costa', 'Chen', 'Kovacs', 'Bello',
];
const ROLES = ['Foreign Minister', 'Finance Minister', 'President', 'Prime Minister', 'Trade Minister', 'central bank governor', 'Energy Minister', 'Health Minister'];
const ORG_REGIONS = ['Northern', 'Southern', 'Atlantic', 'Pacific', 'Arab', 'Asian', 'African', 'Andean', 'Nordic', 'Baltic', 'Gulf', 'Danube', 'Mekong', 'Sahel', 'Caspian', 'Alpine'];
const ORG_FIELDS = ['Grain', 'Energy', 'Water', 'Shipping', 'Health', 'Climate', 'Rail', 'Fisheries', 'Mining', 'Textile', 'Solar', 'Trade', 'Labour', 'Aviation', 'Forestry', 'Telecom'];
const ORG_KINDS = ['Council', 'Agency', 'Fund', 'Commission', 'Institute', 'Development Bank', 'Alliance', 'Authority'];
const COUNTRIES = [
  'Japan', 'South Korea', 'Kuwait', 'Egypt', 'Kenya', 'Belgium', 'United States', 'China', 'India', 'Brazil', 'Australia', 'Spain',
  'Turkey', 'Indonesia', 'Vietnam', 'Qatar', 'Nigeria', 'Peru', 'Canada', 'Germany', 'Italy', 'Poland', 'Philippines', 'Bangladesh',
  'Mexico', 'Chile', 'Norway', 'Morocco', 'Ghana', 'Thailand', 'Malaysia', 'Argentina', 'Greece', 'Portugal', 'Senegal', 'Jordan',
];
const TOPICS = [
  'trade talks', 'a new energy agreement', 'water security', 'regional security', 'climate finance', 'vaccine supply', 'port investment',
  'a debt restructuring', 'grain exports', 'a rail corridor', 'fisheries quotas', 'a power grid link', 'refugee support', 'drought relief',
  'a customs union', 'offshore wind', 'a fertilizer plant', 'border crossings', 'a satellite launch', 'mining royalties',
];
const MONTHS = ['Jan', 'Feb', 'March', 'April', 'May', 'June', 'July', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];
/** Share of stories that report an event already in the news; the rest break a new one. */
const FOLLOW_UP_SHARE = 0.6;
/** Events still being reported: follow-ups pick among the most recent ones. */
const OPEN_EVENTS = 40;
/** Share of stories that are another outlet's lightly edited copy of an earlier story (syndication). */
const COPY_SHARE = 0.12;
/** Days the corpus's events spread over, so only some of them fall in one story window. */
const EVENT_DAYS = 120;

export interface WireStory {
  fileName: string;
  text: string;
}

/** One invented story before it is dressed in a delivery format. */
interface StoryParts {
  index: number;
  headline: string;
  byline: string;
  /** When it was published: dates the feed item and the page. */
  publishedAt: Date;
  /** Paragraphs; the first carries the dateline, the last the `(end)` mark. */
  paragraphs: string[];
}

/** Something that happened, with the cast every story about it names. */
interface NewsEvent {
  city: string;
  agency: string;
  day: Date;
  topic: string;
  role: string;
  people: string[];
  orgs: string[];
  countries: string[];
  stories: StoryParts[];
}

/**
 * Stories as a wire desk sees them: events with their own cast (thousands of possible people and
 * organisations), most stories following an event already in the news, some of them other
 * outlets' copies; background paragraphs name people and places from the wider pools.
 */
function inventStories(count: number, seed: number): StoryParts[] {
  const next = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const person = () => `${pick(FIRST_NAMES)} ${pick(SURNAMES)}`;
  const org = () => `${pick(ORG_REGIONS)} ${pick(ORG_FIELDS)} ${pick(ORG_KINDS)}`;
  const distinct = <T>(make: () => T, size: number): T[] => {
    const made = new Set<T>();
    while (made.size < size) made.add(make());
    return [...made];
  };
  const titleCase = (city: string) => city.toLowerCase().replace(/\b\w/g, (c) => c.toUpperCase());
  const corpusStart = Date.UTC(2026, 0, 1);
  const events: NewsEvent[] = [];
  const newEvent = (): NewsEvent => {
    const [city, agency] = pick(CITIES);
    const day = new Date(corpusStart + Math.floor(next() * EVENT_DAYS) * 86_400_000);
    const event: NewsEvent = {
      city, agency, day, topic: pick(TOPICS), role: pick(ROLES),
      people: distinct(person, 3), orgs: distinct(org, 2), countries: distinct(() => pick(COUNTRIES), 2), stories: [],
    };
    events.push(event);
    return event;
  };

  const stories: StoryParts[] = [];
  for (let index = 0; index < count; index++) {
    const open = events.slice(-OPEN_EVENTS);
    const event = open.length > 0 && next() < FOLLOW_UP_SHARE ? pick(open) : newEvent();
    const publishedAt = new Date(event.day.getTime() + Math.floor(next() * 2 * 86_400_000));
    const date = `${MONTHS[publishedAt.getUTCMonth()]} ${publishedAt.getUTCDate()}`;
    const original = event.stories.length > 0 && next() < COPY_SHARE ? pick(event.stories) : null;
    let story: StoryParts;
    if (original) {
      // Another outlet's copy: the same text, its own story number, the next-to-last paragraph cut.
      const [lead, ...rest] = original.paragraphs;
      story = {
        index, byline: person(), publishedAt,
        headline: `${original.headline.replace(/ \(\d+\)$/, '')} (${index + 1})`,
        paragraphs: [lead.replace(/in story number \d+ of this corpus/, `in story number ${index + 1} of this corpus`), ...rest.slice(0, -2), rest[rest.length - 1]],
      };
    } else {
      const [speaker, other, third] = event.people;
      const [country, partner] = event.countries;
      const surname = speaker.split(' ').pop();
      const cast = () => pick([...event.people, ...event.orgs]);
      const paragraphs = [
        `${event.city}, ${date} (${event.agency}) -- ${event.role} ${speaker} said on Monday that ${country} would press ahead with ${event.topic}, in story number ${index + 1} of this corpus.`,
        `"We will not wait for others to act," ${surname} told reporters after meeting ${other} at the ${event.orgs[0]}.`,
        ...Array.from({ length: 6 + Math.floor(next() * 8) }, (_, paragraph) =>
          next() < 0.7
            ? `Officials from ${country} and ${partner} met for the ${ordinal(paragraph + 2)} round of talks on ${event.topic}, ` +
              `according to a statement from the ${pick(event.orgs)}. ${cast()} said the two sides had narrowed their differences on financing, ` +
              `monitoring and the timetable, and that a further meeting was planned in ${titleCase(pick(CITIES)[0])}.`
            : `Separately, ${person()} of the ${org()} said ${pick(COUNTRIES)} and ${pick(COUNTRIES)} were discussing ${pick(TOPICS)}, ` +
              `a process ${person()} described as slow but steady, with a first report due before a summit in ${titleCase(pick(CITIES)[0])}.`,
        ),
        `${third} is expected to visit ${partner} next month. (end)`,
      ];
      story = { index, headline: `${country} to press ahead with ${event.topic}, says ${speaker} (${index + 1})`, byline: person(), publishedAt, paragraphs };
    }
    event.stories.push(story);
    stories.push(story);
  }
  return stories;
}

/** Plain wire text, one story per file. */
export function wireCorpus(count: number, seed = 1): WireStory[] {
  return inventStories(count, seed).map((story) => ({
    fileName: `story-${seed}-${String(story.index).padStart(6, '0')}.txt`,
    text: `${story.paragraphs.join('\n\n')}\n`,
  }));
}

export interface CorpusShares {
  /** Share of stories delivered in RSS feed files (`itemsPerFeed` items each). */
  feed: number;
  /** Share delivered as HTML article pages; the rest are plain wire-text files. */
  html: number;
  itemsPerFeed: number;
}

const DEFAULT_SHARES: CorpusShares = { feed: 0.25, html: 0.15, itemsPerFeed: 25 };

/**
 * `count` stories as a wire desk receives them: wire-text files, RSS feeds of several items and
 * HTML article pages with navigation and related-links debris, in a deterministic mix.
 */
export function mixedCorpus(count: number, seed = 1, shares: CorpusShares = DEFAULT_SHARES): WireStory[] {
  const stories = inventStories(count, seed);
  const files: WireStory[] = [];
  const feedItems: StoryParts[] = [];
  const name = (prefix: string, index: number, extension: string) => `${prefix}-${seed}-${String(index).padStart(6, '0')}.${extension}`;
  const flushFeed = () => {
    if (feedItems.length === 0) return;
    files.push({ fileName: name('feed', feedItems[0].index, 'xml'), text: rssFeed(feedItems, seed) });
    feedItems.length = 0;
  };
  for (const story of stories) {
    // A fixed pattern per 100 stories keeps the mix exact for any count.
    const slot = (story.index * 37) % 100;
    if (slot < shares.feed * 100) {
      feedItems.push(story);
      if (feedItems.length === shares.itemsPerFeed) flushFeed();
    } else if (slot < (shares.feed + shares.html) * 100) {
      files.push({ fileName: name('page', story.index, 'html'), text: htmlPage(story, seed) });
    } else {
      files.push({ fileName: name('story', story.index, 'txt'), text: `${story.paragraphs.join('\n\n')}\n` });
    }
  }
  flushFeed();
  return files;
}

/** Links and guids carry the corpus's seed: two corpora (a warm-up and the measured one) share no article. */
function rssFeed(items: StoryParts[], seed: number): string {
  const entries = items.map((story) => {
    const published = story.publishedAt.toUTCString();
    return `    <item>
      <title>${escapeXml(story.headline)}</title>
      <link>https://wire.example.org/stories/${seed}-${story.index}</link>
      <guid isPermaLink="false">bench-${seed}-${story.index}</guid>
      <pubDate>${published}</pubDate>
      <dc:creator>${escapeXml(story.byline)}</dc:creator>
      <content:encoded><![CDATA[${story.paragraphs.map((paragraph) => `<p>${escapeXml(paragraph)}</p>`).join('')}]]></content:encoded>
    </item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Example Wire</title>
    <link>https://wire.example.org/</link>
    <description>Invented stories for load tests</description>
${entries.join('\n')}
  </channel>
</rss>
`;
}

function htmlPage(story: StoryParts, seed: number): string {
  const url = `https://news.example.org/world/${seed}-${story.index}`;
  const published = story.publishedAt.toISOString();
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${escapeXml(story.headline)} | Example News</title>
  <meta property="og:title" content="${escapeXml(story.headline)}">
  <meta property="article:published_time" content="${published}">
  <link rel="canonical" href="${url}">
</head>
<body>
  <header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a> <a href="/sport">Sport</a></nav></header>
  <main>
    <article>
      <h1>${escapeXml(story.headline)}</h1>
      <p class="byline">By ${escapeXml(story.byline)}</p>
${story.paragraphs.map((paragraph) => `      <p>${escapeXml(paragraph)}</p>`).join('\n')}
    </article>
    <aside><h2>Related</h2><ul><li><a href="/world/1">Markets steady ahead of talks</a></li><li><a href="/world/2">Ministers meet in Geneva</a></li></ul></aside>
  </main>
  <footer><p>Share this story</p><p>Copyright Example News</p></footer>
</body>
</html>
`;
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
