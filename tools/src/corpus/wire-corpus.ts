/**
 * Synthetic wire stories for load and fault tests and the pipeline benchmark: varied datelines,
 * agencies, people, places and quotes, at wire length (250–600 words), deterministic for a seed,
 * as plain wire text, RSS feeds and HTML article pages. Invented text only.
 */
const CITIES = [
  ['SEOUL', 'Yonhap'], ['TOKYO', 'Kyodo'], ['KUWAIT', 'KUNA'], ['CAIRO', 'MENA'], ['NAIROBI', 'Reuters'], ['BRUSSELS', 'AFP'],
  ['WASHINGTON', 'AP'], ['BEIJING', 'Xinhua'], ['NEW DELHI', 'PTI'], ['BRASILIA', 'Reuters'], ['CANBERRA', 'AAP'], ['MADRID', 'EFE'],
] as const;
const PEOPLE = [
  'Maria Lopez', 'Han Seo-yeon', 'Kenji Watanabe', 'Amina Yusuf', 'Pierre Durand', 'Olga Petrova', 'Rahul Mehta', 'Li Wei',
  'Fatima Al-Sayed', 'John Carter', 'Ana Souza', 'Erik Lindholm', 'Grace Mwangi', 'Tomasz Nowak', 'Sara Cohen', 'Diego Ramirez',
];
const ROLES = ['Foreign Minister', 'Finance Minister', 'President', 'Prime Minister', 'Trade Minister', 'central bank governor'];
const ORGS = ['United Nations', 'World Bank', 'European Union', 'African Union', 'World Health Organization', 'International Monetary Fund'];
const COUNTRIES = ['Japan', 'South Korea', 'Kuwait', 'Egypt', 'Kenya', 'Belgium', 'United States', 'China', 'India', 'Brazil', 'Australia', 'Spain'];
const TOPICS = ['trade talks', 'a new energy agreement', 'water security', 'regional security', 'climate finance', 'vaccine supply', 'port investment'];
const MONTHS = ['Jan', 'Feb', 'March', 'April', 'May', 'June', 'July', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];

/** A small deterministic PRNG (mulberry32), so a corpus is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface WireStory {
  fileName: string;
  text: string;
}

/** One invented story before it is dressed in a delivery format. */
interface StoryParts {
  index: number;
  headline: string;
  agency: string;
  byline: string;
  /** Paragraphs; the first carries the dateline, the last the `(end)` mark. */
  paragraphs: string[];
}

function inventStories(count: number, seed: number): StoryParts[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  return Array.from({ length: count }, (_, index) => {
    const [city, agency] = pick(CITIES);
    const speaker = pick(PEOPLE);
    const other = pick(PEOPLE.filter((person) => person !== speaker));
    const [role, topic, org, country] = [pick(ROLES), pick(TOPICS), pick(ORGS), pick(COUNTRIES)];
    const date = `${pick(MONTHS)} ${1 + Math.floor(next() * 28)}`;
    const surname = speaker.split(' ').pop();
    const paragraphs = [
      `${city}, ${date} (${agency}) -- ${role} ${speaker} said on Monday that ${country} would press ahead with ${topic}, in story number ${index + 1} of this corpus.`,
      `"We will not wait for others to act," ${surname} told reporters after meeting ${other} at the ${org}.`,
      ...Array.from({ length: 6 + Math.floor(next() * 8) }, (_, paragraph) =>
        `Officials from ${pick(COUNTRIES)} and ${pick(COUNTRIES)} met for the ${paragraph + 2}th round of talks on ${pick(TOPICS)}, ` +
        `according to a statement from the ${pick(ORGS)}. ${pick(PEOPLE)} said the two sides had narrowed their differences on financing, ` +
        `monitoring and the timetable, and that a further meeting was planned in ${pick(CITIES)[0].toLowerCase().replace(/\b\w/g, (c) => c.toUpperCase())}.`,
      ),
      `${other} is expected to visit ${country} next month. (end)`,
    ];
    const headline = `${country} to press ahead with ${topic}, says ${speaker} (${index + 1})`;
    return { index, headline, agency, byline: pick(PEOPLE), paragraphs };
  });
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
    files.push({ fileName: name('feed', feedItems[0].index, 'xml'), text: rssFeed(feedItems) });
    feedItems.length = 0;
  };
  for (const story of stories) {
    // A fixed pattern per 100 stories keeps the mix exact for any count.
    const slot = (story.index * 37) % 100;
    if (slot < shares.feed * 100) {
      feedItems.push(story);
      if (feedItems.length === shares.itemsPerFeed) flushFeed();
    } else if (slot < (shares.feed + shares.html) * 100) {
      files.push({ fileName: name('page', story.index, 'html'), text: htmlPage(story) });
    } else {
      files.push({ fileName: name('story', story.index, 'txt'), text: `${story.paragraphs.join('\n\n')}\n` });
    }
  }
  flushFeed();
  return files;
}

function rssFeed(items: StoryParts[]): string {
  const entries = items.map((story) => {
    const published = new Date(Date.UTC(2026, 4, 1, 0, 0, 0) + story.index * 60_000).toUTCString();
    return `    <item>
      <title>${escapeXml(story.headline)}</title>
      <link>https://wire.example.org/stories/${story.index}</link>
      <guid isPermaLink="false">bench-${story.index}</guid>
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

function htmlPage(story: StoryParts): string {
  const url = `https://news.example.org/world/${story.index}`;
  const published = new Date(Date.UTC(2026, 4, 1, 0, 0, 0) + story.index * 60_000).toISOString();
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

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
