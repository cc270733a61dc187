import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { RawDocumentV1Schema, UnprocessableDocumentError } from '@wirestream/contracts';
import { classifyDroppedFile, documentFromDroppedFile } from './dropped-file';
import { documentsFromDroppedFile } from './dropped-file-documents';
import { parseFeedDocument, type ParsedFeedDocument } from './parse-feed-document';
import type { SourceRef } from './source-ref';

// Real samples shared with the project, read in place (never copied in): see its README.md.
const WIRE_DATA = path.resolve(__dirname, '../../../../shared/data/wire');
const FEEDS = path.join(WIRE_DATA, 'feeds');
const HOSTILE = path.join(WIRE_DATA, 'hostile');

const source: SourceRef = { id: 'real-feed', kind: 'feed', uri: 'https://feeds.example.com/feed.xml' };
const fetchedAt = new Date('2026-01-06T09:00:00Z');

const HANGUL = /[\uac00-\ud7a3]/;
const KANA = /[\u3040-\u30ff]/;
const KANJI = /[\u4e00-\u9fff]/;
const CYRILLIC = /[\u0400-\u04ff]/;

function parseRealFeed(fileName: string): ParsedFeedDocument {
  const result = parseFeedDocument(readFileSync(path.join(FEEDS, fileName)), { source, fetchedAt });
  for (const document of result.documents) RawDocumentV1Schema.parse(document);
  return result;
}

function allText(result: ParsedFeedDocument): string {
  return [result.title ?? '', ...result.documents.flatMap((document) => [document.feedItem?.title ?? '', document.body])].join('\n');
}

describe('real feeds', () => {
  it('has the sample folders this suite reads', () => {
    expect(readdirSync(FEEDS)).toEqual(expect.arrayContaining(['euc-kr_acnnewswire.net.xml', 'shift_jis_10e.org.rdf.xml', 'windows-1251_aif.ru.health.xml', 'guardian.rss', 'heise.atom']));
    expect(readdirSync(HOSTILE).length).toBeGreaterThanOrEqual(3);
  });

  it('decodes the EUC-KR RSS feed (ACN Newswire) into Hangul titles without replacement characters', () => {
    const result = parseRealFeed('euc-kr_acnnewswire.net.xml');
    expect(result.format).toBe('rss');
    expect(result.documents).toHaveLength(8);
    expect(result.documents.every((document) => document.charset === 'euc-kr')).toBe(true);
    expect(result.documents.every((document) => HANGUL.test(document.feedItem?.title ?? ''))).toBe(true);
    expect(allText(result)).not.toContain('\ufffd');
    expect(result.documents[0].feedItem).toMatchObject({
      guid: 'http://www.acnnewswire.net/Article.Asp?lang=_k&Art_ID=29790',
      publishedAt: '2005-12-27T04:30:33.000Z', // 'Tue, 27 Dec 2005 13:30:33+0900'
      author: 'Tim Mckinnon',
    });
  });

  it('decodes the Shift_JIS RSS 1.0/RDF feed into Japanese kana and kanji without replacement characters', () => {
    const result = parseRealFeed('shift_jis_10e.org.rdf.xml');
    expect(result.format).toBe('rdf');
    expect(result.title).toBe('エルエル');
    expect(result.documents).toHaveLength(30);
    expect(result.documents[0].charset).toBe('shift_jis');
    const titles = result.documents.map((document) => document.feedItem?.title ?? '').join('');
    expect(titles).toMatch(KANA);
    expect(titles).toMatch(KANJI);
    expect(allText(result)).not.toContain('\ufffd');
    expect(result.documents[0].feedItem).toMatchObject({ title: 'いろいろちょっと待ってネ。', publishedAt: '2006-01-02T19:02:09.000Z', author: 'elel', categories: ['小言日記'] });
  });

  it('decodes the windows-1251 RSS 0.91 feed (with an external DOCTYPE) into Cyrillic without replacement characters', () => {
    const result = parseRealFeed('windows-1251_aif.ru.health.xml');
    expect(result.format).toBe('rss');
    expect(result.documents).toHaveLength(17);
    expect(result.documents[0].charset).toBe('windows-1251');
    expect(result.documents.every((document) => CYRILLIC.test(document.feedItem?.title ?? ''))).toBe(true);
    expect(result.documents[0].feedItem?.title).toBe('Как пережить новогоднюю ночь');
    expect(allText(result)).not.toContain('\ufffd');
    // RSS 0.91 items carry no guid or date: identified by link, undated.
    expect(result.documents[0].feedItem).toMatchObject({ guid: null, publishedAt: null, link: 'http://www.aif.ru/online/health/592/11_01' });
  });

  it('parses the Guardian RSS 2.0 feed with dates, dc:creator authors and categories', () => {
    const result = parseRealFeed('guardian.rss');
    expect(result.title).toBe('The Guardian');
    expect(result.documents).toHaveLength(55);
    expect(result.documents.every((document) => document.feedItem?.publishedAt !== null)).toBe(true);
    expect(new Set(result.documents.map((document) => document.articleId)).size).toBe(55);
    expect(result.documents[0].feedItem).toMatchObject({
      title: 'Trump State of the Union address promised unity but emphasized discord',
      author: 'David Smith in Washington',
    });
    expect(result.documents[0].feedItem?.categories).toContain('Donald Trump');
    expect(result.documents[0].body).toContain('<p>The president’s ‘new American moment’ speech');
  });

  it('parses the heise Atom feed, taking HTML content over the summary and the feed author for entries', () => {
    const result = parseRealFeed('heise.atom');
    expect(result.format).toBe('atom');
    expect(result.title).toBe('heise developer neueste Meldungen');
    expect(result.documents).toHaveLength(15);
    const [first] = result.documents;
    expect(first.feedItem).toMatchObject({
      title: 'Java-Anwendungsserver: Red Hat gibt WildFly 10 frei',
      guid: 'http://heise.de/-3088438',
      publishedAt: '2016-02-01T16:22:00.000Z',
      author: 'heise online',
    });
    expect(first.body).toContain('<img src="http://www.heise.de/scale/');
    expect(first.body).toContain('Die nun verfügbare Version 10');
  });

  it('classifies every real feed as a feed when dropped as a file, and will not read one as a single document', () => {
    for (const fileName of readdirSync(FEEDS)) {
      const bytes = readFileSync(path.join(FEEDS, fileName));
      expect([fileName, classifyDroppedFile(bytes, fileName)]).toEqual([fileName, 'feed']);
      expect(() => documentFromDroppedFile(bytes, { source: { ...source, kind: 'file-drop' }, path: fileName, fetchedAt })).toThrow(/is a feed/);
    }
  });
});

describe('hostile XML', () => {
  const hostileFiles = readdirSync(HOSTILE);

  it.each(hostileFiles)('refuses %s as a feed before any entity is expanded', (fileName) => {
    const bytes = readFileSync(path.join(HOSTILE, fileName));
    expect(() => parseFeedDocument(bytes, { source, fetchedAt })).toThrow(UnprocessableDocumentError);
    expect(() => parseFeedDocument(bytes, { source, fetchedAt })).toThrow('refused: DTD/entity declarations are not allowed');
  });

  it.each(hostileFiles)('refuses %s as a dropped file without parsing its DTD', (fileName) => {
    const bytes = readFileSync(path.join(HOSTILE, fileName));
    expect(classifyDroppedFile(bytes, fileName)).toBe('xml-unsupported');
    expect(() => documentFromDroppedFile(bytes, { source: { ...source, kind: 'file-drop' }, path: fileName, fetchedAt })).toThrow(
      `${fileName} refused: DTD/entity declarations are not allowed`,
    );
  });
});

describe('real NITF and NewsML-G2 files dropped', () => {
  const samples = ['nitf', 'newsml-g2'].flatMap((folder) =>
    readdirSync(path.join(WIRE_DATA, folder)).map((fileName) => ({ fileName, file: path.join(WIRE_DATA, folder, fileName) })),
  );

  it.each(samples)('classifies $fileName by its standard (not HTML, though NITF has <head> and <body>) and reads it', async ({ fileName, file }) => {
    const bytes = readFileSync(file);
    const kind = classifyDroppedFile(bytes, fileName);
    expect(kind).toBe(file.includes('/nitf/') ? 'nitf' : 'newsml-g2');
    const documents = await documentsFromDroppedFile(bytes, { source: { ...source, kind: 'file-drop' }, path: file, fetchedAt });
    for (const document of documents) expect(RawDocumentV1Schema.parse(document).format).toBe('feed-item');
    // Reuters' two packages only reference items that are not in the file.
    expect(documents.length > 0).toBe(kind === 'nitf' || !/snep|reuters/.test(fileName));
  });
});
