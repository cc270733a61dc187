import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inspect } from './inspect';

/** `npm run cli -- inspect <file>` reads every source format the fetcher does, one result per story. */

const para = (place: string, text: string) =>
  `${place}, Jan 7 (Plainwire) - ${text} Officials said more details would follow later in the week, and residents were asked to read the notices at the town hall.`;

const FILES: Record<string, string> = {
  'feed.rss': `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://w.example/</link><description>d</description>
    <item><title>Harbour crane replaced</title><guid>r1</guid><description>${para('OSTERVIK', 'A new crane arrived at Ostervik harbour.')}</description></item>
    <item><title>Ferry timetable changes</title><guid>r2</guid><description>${para('LINDHOLM', 'The Lindholm ferry sails earlier from Monday.')}</description></item></channel></rss>`,
  'feed.atom': `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:t</id><updated>2026-01-07T08:00:00Z</updated>
    <entry><title>Apple prices fall</title><id>urn:t:1</id><updated>2026-01-07T08:00:00Z</updated><summary>${para('MARREN', 'Apple prices fell after a record harvest.')}</summary></entry></feed>`,
  'feed.rdf': `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
    <channel rdf:about="https://p.example/"><title>P</title><link>https://p.example/</link><description>d</description></channel>
    <item rdf:about="https://p.example/1"><title>Wheat harvest early</title><link>https://p.example/1</link><description>${para('HASK', 'The wheat harvest began early in Hask.')}</description></item></rdf:RDF>`,
  'story.nitf.xml': `<?xml version="1.0"?><nitf><head><docdata><doc-id id-string="I-1"/></docdata></head><body><body.head><hedline><hl1>Glassworks expands</hl1></hedline></body.head>
    <body.content><p>${para('BRENN', 'The Brenn glassworks will build a second furnace.')}</p></body.content></body></nitf>`,
  'item.g2.xml': `<?xml version="1.0"?><newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:i:1" version="1"><itemMeta><itemClass qcode="ninat:text"/></itemMeta>
    <contentMeta><headline>Pass closed by snow</headline></contentMeta><contentSet><inlineData contenttype="text/plain">${para('ARLO', 'The Arlo pass closed after heavy snow.')}</inlineData></contentSet></newsItem>`,
  'package.g2.xml': `<?xml version="1.0"?><newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header><sent>2026-01-07T12:00:00Z</sent></header><itemSet>
    <packageItem guid="urn:p:1" version="1"><contentMeta><headline>Round-up</headline></contentMeta><groupSet root="r"><group id="r"><itemRef residref="urn:p:a"/><itemRef residref="urn:p:b"/></group></groupSet></packageItem>
    <newsItem guid="urn:p:a" version="1"><itemMeta><itemClass qcode="ninat:text"/></itemMeta><contentMeta><headline>Museum returns painting</headline></contentMeta><contentSet><inlineData contenttype="text/plain">${para('TOLLE', 'The Tolle museum returned a painting.')}</inlineData></contentSet></newsItem>
    <newsItem guid="urn:p:b" version="1"><itemMeta><itemClass qcode="ninat:text"/></itemMeta><contentMeta><headline>Choir wins contest</headline></contentMeta><contentSet><inlineData contenttype="text/plain">${para('VESK', 'The Vesk choir won the national contest.')}</inlineData></contentSet></newsItem>
    </itemSet></newsMessage>`,
  'mixed.rss': `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://w.example/</link><description>d</description>
    <item><title>Harbour crane replaced</title><guid>m1</guid><description>${para('OSTERVIK', 'A new crane arrived at Ostervik harbour.')}</description></item>
    <item><guid>m2</guid><link>https://w.example/empty</link></item>
    <item><title>FLASH: Bridge closed</title><guid>m3</guid><link>https://w.example/flash</link></item></channel></rss>`,
  'single.txt': `${para('KESTO', 'The Kesto council approved a new market hall.')}\n\n(END)\n`,
  'multi.txt': [para('MERAN', 'The Meran library opens on Sundays.'), '-----', para('OSTRA', 'An Ostra bakery won the bread prize.')].join('\n'),
  // An e-mail whose text part is a stub: its HTML part is read, through the same markup-to-text path as feed items.
  'mail.txt': [
    'From: =?UTF-8?Q?Ane_Kr=C3=B8yer?= <desk@wire.example>',
    'Subject: =?UTF-8?Q?Gulls_return_to_Fl=C3=B8ya?=',
    'Date: Tue, 7 Jan 2025 10:15:00 +0000',
    'MIME-Version: 1.0',
    'Content-Type: multipart/alternative; boundary=b0undary',
    '',
    '--b0undary',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Open this message in a browser.',
    '--b0undary',
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    `<html><head><style>p{margin:0}</style></head><body><p>${para('FLOYA', 'Gulls came back to the <b>Fl=C3=B8ya</b> cliffs.')}</p><p>Counting goes on.</p></body></html>`,
    '--b0undary--',
    '',
  ].join('\r\n'),
  'page.html': `<!doctype html><html><head><meta charset="utf-8"><title>Seals counted</title></head><body><article><h1>Seals counted on Tern Island</h1><p>${para('TERN ISLAND', 'Counters found three hundred seals.')}</p></article></body></html>`,
};

describe('inspect', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'wirestream-inspect-'));
  for (const [name, text] of Object.entries(FILES)) writeFileSync(path.join(dir, name), text);
  const results = async (name: string) => (await inspect(path.join(dir, name))) as Array<{ article: { headline: string | null; body: string; bodyless?: boolean } }>;

  it.each([
    ['feed.rss', ['Harbour crane replaced', 'Ferry timetable changes']],
    ['feed.atom', ['Apple prices fall']],
    ['feed.rdf', ['Wheat harvest early']],
    ['story.nitf.xml', ['Glassworks expands']],
    ['item.g2.xml', ['Pass closed by snow']],
    ['package.g2.xml', ['Museum returns painting', 'Choir wins contest']],
    ['page.html', ['Seals counted on Tern Island']],
  ])('reads %s, one result per story', async (name, headlines) => {
    expect((await results(name)).map((result) => result.article.headline)).toEqual(headlines);
  });

  it('reads wire text with one story or several', async () => {
    const firstWords = async (name: string) => (await results(name)).map((result) => result.article.body.split(' ').slice(0, 3).join(' '));
    expect(await firstWords('single.txt')).toEqual(['The Kesto council']);
    expect(await firstWords('multi.txt')).toEqual(['The Meran library', 'An Ostra bakery']);
  });

  it('reads an e-mail: subject as headline, sender as byline, its HTML part as text without markup', async () => {
    const [result] = (await inspect(path.join(dir, 'mail.txt'))) as Array<{ article: { headline: string | null; body: string; byline: { text: string } | null; publishedAt: string | null } }>;
    expect(result.article).toMatchObject({ headline: 'Gulls return to Fløya', byline: expect.objectContaining({ text: 'Ane Krøyer' }), publishedAt: '2025-01-07T10:15:00.000Z' });
    expect(result.article.body.split('\n\n')).toEqual(['Gulls came back to the Fløya cliffs. Officials said more details would follow later in the week, and residents were asked to read the notices at the town hall.', 'Counting goes on.']);
  });

  it('reports an unreadable item in its place, with its reason, and reads the others (a headline-only one included)', async () => {
    const stories = await inspect(path.join(dir, 'mixed.rss'));
    expect(stories.map((story) => ('error' in story ? `error: ${story.error}` : `${story.article.headline}${story.article.bodyless ? ' (bodyless)' : ''}`))).toEqual([
      'Harbour crane replaced',
      expect.stringMatching(/^error: .*no headline and no body text/),
      'FLASH: Bridge closed (bodyless)',
    ]);
  });
});
