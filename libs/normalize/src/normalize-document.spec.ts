import { articleIdFor, NormalizedArticleSchema, sha256Hex, UnprocessableDocumentError, type RawDocumentV1 } from '@wirestream/contracts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { normalizeDocument, NORMALIZER_VERSION } from './normalize-document';

const SEEDS = path.resolve(__dirname, '../../../../shared/samples/seeds');

function rawDocument(body: string, overrides: Partial<RawDocumentV1> = {}): RawDocumentV1 {
  return {
    schemaVersion: 1,
    articleId: articleIdFor({ sourceId: 'test', contentHash: sha256Hex(body) }),
    source: { id: 'test', kind: 'file-drop', uri: '/drop' },
    documentUri: '/drop/story.txt',
    fetchedAt: '2026-11-23T09:00:00.000Z',
    format: 'wire-text',
    charset: 'utf-8',
    body,
    contentHash: sha256Hex(body),
    feedItem: null,
    ...overrides,
  };
}

const seed = (name: string) => normalizeDocument(rawDocument(readFileSync(path.join(SEEDS, name), 'utf8')));

describe('normalizeDocument on the MENAFN-syndicated KUNA story', () => {
  const article = seed('000_41b24b2d070baf65.txt');

  it('reads the dateline into place, date and agency, and out of the body', () => {
    expect(article.dateline).toEqual({ place: 'TOKYO', dateText: 'Jan 6', agency: 'KUNA' });
    expect(article.body.startsWith('US Secretary of State Antony Blinken said Monday')).toBe(true);
  });

  it('tells the publisher (MENAFN) from the originating agency (KUNA) and the credited one (Yonhap)', () => {
    expect(article.publisher).toBe('MENAFN');
    expect(article.originatingAgency).toBe('Kuwait News Agency (KUNA)');
    expect(article.credits).toEqual(['Yonhap News Agency']);
  });

  it('dates the story from the syndication header, saying so', () => {
    expect(article.publishedAt).toBe('2025-01-06');
    expect(article.publishedAtSource).toBe('syndication-header');
  });

  it('drops the header, the (end) mark, the operator initials and the ID line', () => {
    expect(article.body).not.toMatch(/MENAFN|\(end\)|^date /m);
    expect(article.body.endsWith('with planned stops in Japan and France.')).toBe(true);
    expect(article.body.split('\n\n')).toHaveLength(11);
  });

  it('invents nothing the copy does not carry', () => {
    expect(article).toMatchObject({ headline: null, subheadline: null, byline: null, section: null, canonicalUrl: null, captions: [] });
  });

  it('fills the remaining fields', () => {
    expect(article).toMatchObject({ language: 'en', normalizerVersion: NORMALIZER_VERSION, sourceId: 'test' });
    expect(article.wordCount).toBe(article.body.match(/[\p{L}\p{N}]+/gu)!.length);
    expect(article.contentHash).toBe(sha256Hex(article.body));
    expect(NormalizedArticleSchema.parse(article)).toEqual(article);
  });
});

describe('normalizeDocument on the Korea JoongAng Daily page text', () => {
  const article = seed('002_1fee00b30fcce35c.txt');

  it('takes the headline once and keeps its doubled copy out of the body', () => {
    expect(article.headline).toBe('Blinken slams North-Russia arms deals during visit to Seoul');
    expect(article.body).not.toContain(article.headline!);
  });

  it('reads the breadcrumbs as the section and drops the print widget', () => {
    expect(article.section).toBe('National > Diplomacy');
    expect(article.body).not.toMatch(/Home >|print dictionary/);
  });

  it('keeps the doubled photo caption once, apart from the body, with its credit', () => {
    expect(article.captions).toHaveLength(1);
    expect(article.captions[0]).toMatch(/^U\.S\. Secretary of State Antony Blinken speaks .* \[YONHAP\]$/);
    expect(article.body).not.toContain('[YONHAP]');
    expect(article.credits).toEqual(['Yonhap']);
  });

  it('reads the byline with its email, and drops the comment box after it', () => {
    expect(article.byline).toEqual({ text: 'BY ESTHER CHUNG [chung.juhee@joongang.co.kr]', names: ['Esther Chung'], emails: ['chung.juhee@joongang.co.kr'] });
    expect(article.body).not.toMatch(/BY ESTHER|Log in to|To write comments|Standards Board/);
    expect(article.body.startsWith('U.S. Secretary of State Antony Blinken condemned')).toBe(true);
    expect(article.body.endsWith('to discuss the situation in the Middle East.')).toBe(true);
  });

  it('leaves date and dateline null (the page text carries none) and names the publisher its byline address belongs to', () => {
    expect(article).toMatchObject({ dateline: null, publishedAt: null, publishedAtSource: null, publisher: 'Korea JoongAng Daily', originatingAgency: null, subheadline: null });
    expect(article.language).toBe('en');
    expect(NormalizedArticleSchema.parse(article)).toEqual(article);
  });
});

describe('normalizeDocument on other copy', () => {
  it.each([
    ['SEOUL, Jan. 6 (Yonhap) -- ', { place: 'SEOUL', dateText: 'Jan. 6', agency: 'Yonhap' }],
    ['WASHINGTON (AP) — ', { place: 'WASHINGTON', dateText: null, agency: 'AP' }],
    ['LONDON (Reuters) - ', { place: 'LONDON', dateText: null, agency: 'Reuters' }],
    ['BEIRUT, Lebanon (AP) — ', { place: 'BEIRUT, Lebanon', dateText: null, agency: 'AP' }],
  ])('reads the dateline %j', (dateline, expected) => {
    const article = normalizeDocument(rawDocument(`${dateline}The ministry said on Monday that talks would resume next week in the capital.`));
    expect(article.dateline).toEqual(expected);
    expect(article.originatingAgency).toBe(expected.agency);
    expect(article.body.startsWith('The ministry said')).toBe(true);
  });

  it('reads an HTML page: headline, body without navigation or widgets, caption, dates and canonical URL', () => {
    const html = `<html><head><meta property="og:title" content="Port reopens after storm"><meta property="og:site_name" content="Example Wire">
      <meta property="article:published_time" content="2026-02-03T04:05:06Z"><link rel="canonical" href="https://example.org/port"></head>
      <body><nav><a href="/">Home</a><a href="/world">World</a></nav><article><h1>Port reopens after storm</h1>
      <div class="share"><button>Share</button></div><figure><img src="x.jpg"><figcaption>The port on Monday. EXAMPLE/Photo</figcaption></figure>
      <p>ROTTERDAM (Example) - The port reopened on Tuesday after a two-day closure.</p><p>"We are back to normal," the harbour master said.</p></article>
      <aside class="related"><a href="/b">Other story</a></aside><footer>© Example</footer></body></html>`;
    const article = normalizeDocument(rawDocument(html, { format: 'html' }));
    expect(article).toMatchObject({
      headline: 'Port reopens after storm',
      publisher: 'Example Wire',
      publishedAt: '2026-02-03T04:05:06Z',
      publishedAtSource: 'html-meta',
      canonicalUrl: 'https://example.org/port',
      dateline: { place: 'ROTTERDAM', dateText: null, agency: 'Example' },
    });
    expect(article.captions).toEqual(['The port on Monday. EXAMPLE/Photo']);
    expect(article.body).toBe('The port reopened on Tuesday after a two-day closure.\n\n"We are back to normal," the harbour master said.');
  });

  it('prefers the feed item date and title for a feed item', () => {
    const body = '<p>NAIROBI, May 12 (Agency) -- Rains returned to the region on Tuesday after a long drought.</p>';
    const article = normalizeDocument(
      rawDocument(body, {
        format: 'feed-item',
        feedItem: { title: 'Rains return', link: 'https://example.org/rains', guid: 'g1', publishedAt: '2026-05-12T08:40:00.000Z', author: 'Daniel Otieno', categories: [] },
      }),
    );
    expect(article).toMatchObject({ headline: 'Rains return', publishedAt: '2026-05-12T08:40:00.000Z', publishedAtSource: 'feed', canonicalUrl: 'https://example.org/rains' });
    expect(article.byline?.names).toEqual(['Daniel Otieno']);
  });

  it('reads a byline with two names', () => {
    const article = normalizeDocument(rawDocument('Markets rose\n\nShares rose on Monday across Asia as investors returned.\n\nPrices held firm.\n\nBy Ana Silva and John Park'));
    expect(article.byline?.names).toEqual(['Ana Silva', 'John Park']);
  });

  it('refuses a document with no body text', () => {
    expect(() => normalizeDocument(rawDocument(' \n\n (end)\n'))).toThrow(UnprocessableDocumentError);
  });
});
