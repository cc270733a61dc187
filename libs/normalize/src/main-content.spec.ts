import { sha256Hex, type RawDocumentV1 } from '@wirestream/contracts';
import { normalizeDocument } from './index';

/** Invented pages, one behaviour of the story finder each. */
function bodyOf(html: string): string {
  const doc: RawDocumentV1 = {
    schemaVersion: 1,
    articleId: 'ffeeddccbbaa99887766554433221100',
    source: { id: 'web', kind: 'file-drop', uri: 'file:///pages' },
    documentUri: 'https://site.example.net/2025/03/harbour',
    fetchedAt: '2025-03-02T10:00:00.000Z',
    format: 'html',
    charset: 'utf-8',
    body: html,
    contentHash: sha256Hex(html),
    feedItem: null,
  };
  return normalizeDocument(doc).body;
}

const STORY = [
  'The harbour board voted on Tuesday to dredge the eastern channel before the autumn storms arrive.',
  'Fishing crews had asked for the work for three years, saying their boats ran aground at low tide.',
];

describe('extractMainContent', () => {
  it('does not take a list of other stories set as <article>s for the story, even when it holds more prose', () => {
    const teaser = (n: number) =>
      `<article class="post card"><h2><a href="/t${n}">Other story ${n}</a></h2><p>${`Teaser number ${n} tells a different tale about gardens and rain. `.repeat(4)}</p></article>`;
    const page = `<html><body><div id="primary">
      <article class="post"><h1>Harbour to be dredged</h1><p>${STORY.join(' ')}</p></article>
      <article class="post"><h3>You may also like</h3>${[1, 2, 3, 4, 5].map(teaser).join('')}</article>
      </div></body></html>`;
    expect(bodyOf(page)).toBe(STORY.join(' '));
  });

  it('takes cards of other stories listed inside the story’s own <article> out of it', () => {
    const card = (n: number) => `<article class="card"><p>${`Card ${n} is about a different place and a different day entirely. `.repeat(2)}</p></article>`;
    const page = `<html><body><article class="story"><p>${STORY[0]}</p><p>${STORY[1]}</p>
      <div class="also">${[1, 2].map(card).join('')}</div></article></body></html>`;
    expect(bodyOf(page)).toBe(STORY.join('\n\n'));
  });

  it('keeps posts listed in an <article> when they are all the page has (a live blog)', () => {
    const post = (n: number) => `<article class="entry"><p>Update ${n}: ${'Crews reported steady progress on the channel this hour. '.repeat(3)}</p></article>`;
    const body = bodyOf(`<html><body><article class="live">${[1, 2, 3].map(post).join('')}</article></body></html>`);
    expect(body).toContain('Update 1:');
    expect(body).toContain('Update 3:');
  });

  it('removes a hidden pop-up of links inside a paragraph and keeps the paragraph and its linked name', () => {
    const popup = `<span class="person-card"><a href="/p/1">Mara Quist</a><span class="card-links"><a href="/a">Older story one about the port</a> <a href="/b">Older story two about the port</a> <a href="/c">Older story three</a></span></span>`;
    const page = `<html><body><article><p>Board chair ${popup} said the work would start in May.</p><p>${STORY[1]}</p></article></body></html>`;
    expect(bodyOf(page)).toBe(`Board chair Mara Quist said the work would start in May.\n\n${STORY[1]}`);
  });

  it('removes a box of links with its label once the links inside it are gone', () => {
    const page = `<html><body><article><p>${STORY[0]}</p>
      <div class="box"><strong>Read next</strong><ul><li><a href="/x">A long headline of another story here</a></li><li><a href="/y">And a second long headline of one more story</a></li></ul></div>
      <p>${STORY[1]}</p></article></body></html>`;
    expect(bodyOf(page)).toBe(STORY.join('\n\n'));
  });

  it('takes out captions whatever the case of their class name, and date lines named by class', () => {
    const page = `<html><body><article><div class="article-meta-date">March 2, 2025</div><p>${STORY[0]}</p>
      <div class="photo"><img src="a.jpg"><span class="newsCaption">Boats wait at the quay for the tide</span></div>
      <p>${STORY[1]}</p></article></body></html>`;
    expect(bodyOf(page)).toBe(STORY.join('\n\n'));
  });
});
