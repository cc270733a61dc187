import { sha256Hex, UnprocessableDocumentError, type RawDocumentV1 } from '@wirestream/contracts';
import { normalizeDocument } from './index';

function htmlDocument(body: string, overrides: Partial<RawDocumentV1> = {}): RawDocumentV1 {
  return {
    schemaVersion: 1,
    articleId: '00112233445566778899aabbccddeeff',
    source: { id: 'web', kind: 'feed', uri: 'https://news.example.org/rss' },
    documentUri: 'https://news.example.org/world/2025/01/06/dam-opens',
    fetchedAt: '2025-01-07T03:00:00.000Z',
    format: 'html',
    charset: 'utf-8',
    body,
    contentHash: sha256Hex(body),
    feedItem: null,
    ...overrides,
  };
}

/** An invented page with the usual furniture around one story. */
const PAGE = `<!doctype html>
<html lang="en"><head>
  <title>Dam opens after a decade of work | Example Daily</title>
  <meta property="og:title" content="Dam opens after a decade of work | Example Daily">
  <meta property="og:site_name" content="Example Daily">
  <meta property="og:url" content="https://news.example.org/og-url-not-used">
  <meta property="article:section" content="World">
  <meta name="author" content="Example Daily">
  <link rel="canonical" href="/world/dam-opens">
  <script type="application/ld+json">
    {"@context":"https://schema.org","@graph":[
      {"@type":"WebSite","name":"Example Daily"},
      {"@type":"NewsArticle","headline":"Dam opens","datePublished":"2025-01-06T08:30:00+01:00",
       "author":[{"@type":"Person","name":"Lena Vogt"}],"publisher":{"@type":"Organization","name":"Example Daily Ltd"}}]}
  </script>
  <script>window.tracking = "<p>not text</p>";</script>
  <style>p { color: red }</style>
</head>
<body>
  <header class="site-header"><a href="/">Example Daily</a><nav><a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
  <div class="breadcrumbs">Home &gt; World &gt; Europe</div>
  <main>
    <article class="story has-comments">
      <h1>Dam opens after a decade of work</h1>
      <p class="dek">The reservoir will supply water to two million people.</p>
      <div class="byline">By <a rel="author" href="/staff/lena">Lena Vogt</a> and <a rel="author" href="/staff/omar">Omar Haddad</a>
        <a href="mailto:lena.vogt@example.org">Email</a></div>
      <div class="share-tools"><a href="#">Facebook</a><a href="#">Twitter</a><button>Copy link</button></div>
      <figure><img src="dam.jpg" alt=""><figcaption>The dam at dusk on Sunday. (AP Photo/Jan Novak)</figcaption></figure>
      <p>LISBON, Portugal (AP) — A dam that took a decade to build opened on Monday, officials said, ending years of delays and cost overruns.</p>
      <figure><img src="crowd.jpg" alt=""><figcaption>The dam at dusk on Sunday. (AP Photo/Jan Novak)</figcaption></figure>
      <p>The reservoir behind it will supply water to about two million people &amp; irrigate farmland in the south.</p>
      <aside class="related"><h2>Related</h2><ul><li><a href="/a">Drought hits farms</a></li></ul></aside>
      <p>Engineers said the structure was designed to withstand a once-in-a-century flood.</p>
      <div id="comments"><p>Great news for the region, finally some progress on water!</p></div>
    </article>
  </main>
  <aside class="most-read"><p>Most read: Celebrity wedding shocks fans everywhere in the country this week.</p></aside>
  <footer><p>© 2025 Example Daily. All rights reserved.</p></footer>
</body></html>`;

describe('normalizeDocument on an HTML page', () => {
  const article = normalizeDocument(htmlDocument(PAGE));

  it('takes the headline from og:title without the site name, and the deck as subheadline', () => {
    expect(article.headline).toBe('Dam opens after a decade of work');
    expect(article.subheadline).toBe('The reservoir will supply water to two million people.');
  });

  it('keeps only the story paragraphs: no navigation, share widgets, related links, comments or footer', () => {
    expect(article.body).toBe(
      'A dam that took a decade to build opened on Monday, officials said, ending years of delays and cost overruns.\n\n' +
        'The reservoir behind it will supply water to about two million people & irrigate farmland in the south.\n\n' +
        'Engineers said the structure was designed to withstand a once-in-a-century flood.',
    );
  });

  it('reads the dateline from the first paragraph', () => {
    expect(article.dateline).toEqual({ place: 'LISBON, Portugal', dateText: null, agency: 'AP' });
    expect(article.originatingAgency).toBe('AP');
  });

  it('keeps figure captions apart from the body, once each, and credits their agency', () => {
    expect(article.captions).toEqual(['The dam at dusk on Sunday. (AP Photo/Jan Novak)']);
    expect(article.credits).toEqual(['AP']);
  });

  it('dates the story from the page metadata (JSON-LD here), keeping the printed offset', () => {
    expect(article.publishedAt).toBe('2025-01-06T08:30:00+01:00');
    expect(article.publishedAtSource).toBe('html-meta');
  });

  it('resolves the canonical URL against the page address and prefers it to og:url', () => {
    expect(article.canonicalUrl).toBe('https://news.example.org/world/dam-opens');
  });

  it('takes publisher from og:site_name and section from article:section', () => {
    expect(article.publisher).toBe('Example Daily');
    expect(article.section).toBe('World');
  });

  it('reads the byline element: both author names and the mailto address', () => {
    expect(article.byline?.names).toEqual(['Lena Vogt', 'Omar Haddad']);
    expect(article.byline?.emails).toEqual(['lena.vogt@example.org']);
  });

  it('detects the language and counts the words of the body', () => {
    expect(article.language).toBe('en');
    expect(article.wordCount).toBe(article.body.match(/[\p{L}\p{N}]+/gu)?.length);
    expect(article.contentHash).toBe(sha256Hex(article.body));
  });

  it('prefers article:published_time to JSON-LD and <time>', () => {
    const page = `<html><head><meta property="article:published_time" content="2025-01-05T23:00:00Z">
      <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-01-01T00:00:00Z"}</script></head>
      <body><article><time datetime="2024-12-31">Dec 31</time><p>${'The council approved the budget after a long debate. '.repeat(3)}</p></article></body></html>`;
    expect(normalizeDocument(htmlDocument(page)).publishedAt).toBe('2025-01-05T23:00:00Z');
  });

  it('falls back to <time datetime>, the first <h1> and JSON-LD publisher when meta tags are missing', () => {
    const page = `<html><head><title>Budget passes - City News</title>
      <script type="application/ld+json">{"@type":"NewsArticle","publisher":{"name":"City News"}}</script></head>
      <body><article><h1>Budget passes</h1><time datetime="2024-12-31T18:00:00">Dec 31</time>
      <p>${'The council approved the budget after a long debate. '.repeat(3)}</p></article></body></html>`;
    const article = normalizeDocument(htmlDocument(page));
    expect(article.headline).toBe('Budget passes');
    expect(article.publisher).toBe('City News');
    // The <time> has no zone: only its day is certain.
    expect(article.publishedAt).toBe('2024-12-31');
    expect(article.canonicalUrl).toBeNull();
    expect(article.byline).toBeNull();
    expect(article.section).toBeNull();
  });

  it('finds the story in the densest cluster of paragraphs when the page has no semantic container', () => {
    const story = ['First paragraph of the story about the new bridge.', 'Second paragraph with quotes from the mayor.', 'Third paragraph on the cost of the project.'];
    const page = `<html><body><div class="top"><p>Sign up for our newsletter today.</p></div>
      <div class="content">${story.map((text) => `<div><p>${text}</p></div>`).join('')}</div>
      <div class="bottom"><p>Contact us.</p></div></body></html>`;
    expect(normalizeDocument(htmlDocument(page)).body).toBe(story.join('\n\n'));
  });

  it('throws UnprocessableDocumentError for a page with no story text', () => {
    const page = '<html><head><title>Gallery</title></head><body><nav><a href="/">Home</a></nav><figure><img src="a.jpg"></figure></body></html>';
    expect(() => normalizeDocument(htmlDocument(page))).toThrow(UnprocessableDocumentError);
  });
});
