import { sha256Hex, type RawDocumentV1 } from '@wirestream/contracts';
import { normalizeDocument } from './index';
import { copyrightHolder, nameForAddress, publisherFromIdentity } from './site-identity';

/** Invented pages and copy; no markup names the publisher in any of them. */
function normalized(body: string, format: RawDocumentV1['format'], uri = 'https://www.harbourgazette.example/2025/ferry') {
  return normalizeDocument({
    schemaVersion: 1,
    articleId: '0123456789abcdef0123456789abcdef',
    source: { id: 'web', kind: 'file-drop', uri },
    documentUri: uri,
    fetchedAt: '2025-03-02T10:00:00.000Z',
    format,
    charset: 'utf-8',
    body,
    contentHash: sha256Hex(body),
    feedItem: null,
  });
}

const PROSE = '<p>The ferry line across the fjord will open in April, the port authority said on Monday after a long review.</p>';

describe('publisher from the page’s own identity', () => {
  it('takes the <title> suffix the page’s host spells, and leaves it out of the headline', () => {
    const page = `<html><head><title>Ferry line to open in April | Harbour Gazette</title></head><body><article>${PROSE}</article></body></html>`;
    const article = normalized(page, 'html');
    expect(article.publisher).toBe('Harbour Gazette');
    expect(article.headline).toBe('Ferry line to open in April');
  });

  it('takes application-name, the site’s own statement, whatever the host', () => {
    const page = `<html><head><meta name="application-name" content="Fjord Times"><title>Ferry line</title></head><body><article>${PROSE}</article></body></html>`;
    expect(normalized(page, 'html', 'https://cdn.example.net/a/1').publisher).toBe('Fjord Times');
  });

  it('takes a name two cues agree on: the logo’s alt text and the copyright line', () => {
    const page = `<html><head><title>Ferry line to open</title></head><body>
      <header><a class="site-logo" href="/"><img src="/i/l.png" alt="North Coast Courier"></a></header>
      <article>${PROSE}</article><footer><p>© 2025 North Coast Courier. All rights reserved.</p></footer></body></html>`;
    expect(normalized(page, 'html', 'https://cdn.example.net/a/1').publisher).toBe('North Coast Courier');
  });

  it('does not take a headline part that only mentions the site for its name', () => {
    expect(publisherFromIdentity({ url: 'https://blog.tidewater.example/x', title: 'Tidewater at the big autumn trade fair in the city - Notes' })).toBeNull();
  });

  it('takes nothing from a lone unconfirmed cue', () => {
    expect(publisherFromIdentity({ url: 'https://cdn.example.net/a/1', title: 'Ferry line to open | Weekly Notes' })).toBeNull();
  });

  it('names the publisher of copied page text from the byline address and the name the text shows for that site', () => {
    const text = [
      'Ferry line to open in April',
      'The ferry line across the fjord will open in April, the port authority said on Monday.',
      'Crews will start sea trials next month, officials added.',
      'BY INGRID SOLBERG [solberg.ingrid@fjordposten.no]',
      'Subscribe to the Fjordposten Weekly newsletter',
    ].join('\n\n');
    expect(normalized(text, 'wire-text', 'file:///drop/ferry.txt').publisher).toBe('Fjordposten Weekly');
  });

  it('names no publisher from a web-mail address or a domain the text never names', () => {
    expect(nameForAddress('reporter@gmail.com', () => 'Follow Gmail Tips for more')).toBeNull();
    expect(nameForAddress('desk@fjordposten.no', () => 'Nothing here names the site.')).toBeNull();
  });

  it('reads the holder of a copyright line', () => {
    expect(copyrightHolder('Copyright (c) 2019-2024 Example Media Group. All rights reserved.')).toBe('Example Media Group');
    expect(copyrightHolder('© 2025 Harbour Gazette | Privacy')).toBe('Harbour Gazette');
    expect(copyrightHolder('No notice here')).toBeNull();
  });
});
