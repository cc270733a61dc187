/* eslint-disable no-control-regex -- transmissions are made of ASCII control characters, which these tests build and look for */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { articleIdFor, RawDocumentV1Schema, UnprocessableDocumentError, type RawDocumentV1 } from '@wirestream/contracts';
import iconv from 'iconv-lite';
import type { SourceRef } from '../source-ref';
import { looksLikeTransmission, parseTransmissionDocument, type ParsedTransmissionDocument } from './parse-transmissions';
import type { TransmissionStory } from './transmission-story';

// Real ANPA-1312 and IPTC 7901 samples shared with the project, read in place: see its README.md.
const WIRE_DATA = path.resolve(__dirname, '../../../../../shared/data/wire');
const source: SourceRef = { id: 'agency-drop', kind: 'file-drop', uri: '/drop' };
const fetchedAt = new Date('2026-01-06T09:00:00Z');

function parse(bytes: Uint8Array, documentUri = '/drop/wire.txt', options: { maxBytes?: number; contentType?: string } = {}): ParsedTransmissionDocument {
  const result = parseTransmissionDocument(bytes, { source, documentUri, fetchedAt, ...options });
  for (const document of result.documents) RawDocumentV1Schema.parse(document);
  return result;
}

/** Control characters but newline (C0, DEL, C1). */
const CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f]/;

/** What must not survive into a document: controls, `^` and `<` framing, notes to editors, header lines. */
function expectClean(document: RawDocumentV1, story: TransmissionStory): void {
  const item = document.feedItem!;
  const fields = [item.title, item.author, item.subheadline, ...item.categories, document.body].filter((field): field is string => !!field);
  for (const field of fields) {
    expect(field).not.toMatch(CONTROL);
    expect(field).not.toContain('^');
    expect(field).not.toMatch(/[<=][ \t]*$/m);
    expect(field).not.toMatch(/\bEds:|EDITOR'S NOTE|not (intended )?for publication|NOTEBOOK/i);
    expect(field).not.toMatch(/\bAP Photo\b/);
  }
  const body = document.body;
  expect(body).not.toMatch(/^[ \t]|[ \t]$/m);
  expect(body).not.toMatch(/\n{3}/);
  // The selector / header line, the keyword line and the trailer stay out of the copy.
  if (story.messageNumber) expect(body).not.toContain(`${story.service ?? ''}${story.messageNumber}`);
  if (story.keyword) expect(body).not.toContain(story.keyword);
  expect(body).not.toMatch(/AP-WF-|\d{6} GMT/);
}

interface FileExpectation {
  format: 'anpa' | 'iptc7901';
  stories: number;
  headline: string | null;
  byline: string | null;
  urgency: number | null;
  keyword: string;
  bodyStart: string;
}

/** Shared samples with their first story pinned; every sample, pinned or not, must read cleanly (below). */
const EXPECTED: Record<string, FileExpectation> = {
  'anpa/anpa-1.tst': {
    format: 'anpa',
    stories: 1,
    headline: 'For Argentine chemo patients, mirrors can hurt',
    byline: 'By PAUL BYRNE and ALMUDENA CALATRAVA, Associated Press',
    urgency: 1, // priority f: flash, though the story is a feature
    keyword: 'BC-LT--Argentina-CancerB',
    bodyStart: 'BUENOS AIRES, Argentina (AP) — For cancer patients dealing w',
  },
  'anpa/anpa-3.tst': {
    format: 'anpa',
    stories: 1,
    headline: null, // a table: keyword line, then straight into the copy
    byline: null,
    urgency: 3,
    keyword: 'BC-WEA--GlobalWeather-Fa',
    bodyStart: 'NEW YORK (AP) — Minimum and maximum temperatures in Fahrenhe',
  },
  'anpa/ap_anpa-1.tst': {
    format: 'anpa',
    stories: 1,
    headline: 'Deng has 30 points, short-handed Heat beat Hawks 115-111',
    byline: 'By CHARLES ODUM, AP Sports Writer',
    urgency: 5,
    keyword: 'BC-BKN--Heat-Hawks',
    bodyStart: 'ATLANTA (AP) — Luol Deng scored 30 points and Josh McRoberts',
  },
  'anpa/ap_anpa-3.tst': {
    format: 'anpa',
    stories: 1,
    headline: '$210 lobster is found dead',
    byline: null,
    urgency: 5,
    keyword: 'BC-US--GiantLobsterDeath',
    bodyStart: 'CHATHAM, Mass. (AP) — A lobster died.',
  },
  'anpa/ap_anpa-5.tst': {
    format: 'anpa',
    stories: 1,
    headline: null, // an APNewsAlert: the one sentence is the copy
    byline: null,
    urgency: 2,
    keyword: 'BC-US--APNewsAlert',
    bodyStart: "HONOLULU (AP) — Hawaii files court challenge to Trump admini",
  },
  'anpa/ap_anpa-7.tst': {
    format: 'anpa',
    stories: 1,
    headline: '10 Things to Know for Today',
    byline: 'By The Associated Press',
    urgency: 5,
    keyword: 'BC-10ThingstoKnow-Today',
    bodyStart: 'Your daily look at late-breaking news, upcoming events and t',
  },
  'iptc7901/IPTC7901.txt': {
    format: 'iptc7901',
    stories: 1,
    headline: 'Germany Social Democrats: Coalition talks with Merkel could fail',
    byline: null,
    urgency: 4,
    keyword: 'Germany-politics',
    bodyStart: 'Berlin (dpa) - Negotiations between German conservatives hea',
  },
  'iptc7901/dpa_copyright.txt': {
    format: 'iptc7901',
    stories: 1,
    headline: 'Impressum',
    byline: null,
    urgency: 4,
    keyword: 'Impressum',
    bodyStart: 'ryryryry copyright by dpa ryryryry copyright by dpa ryryryry',
  },
  'iptc7901/dpa_two_line.txt': {
    format: 'iptc7901',
    stories: 1,
    headline: 'Peace talks on Yemen to take place in Sweden next month, Mattis says',
    byline: null,
    urgency: 3,
    keyword: 'Yemen/conflict',
    bodyStart: 'Washington (dpa) - US Defence Secretary Jim Mattis says he e',
  },
};

function sharedFiles(): string[] {
  return ['anpa', 'iptc7901'].flatMap((dir) => readdirSync(path.join(WIRE_DATA, dir)).map((name) => `${dir}/${name}`)).sort();
}

function parseShared(relative: string): ParsedTransmissionDocument {
  return parse(readFileSync(path.join(WIRE_DATA, relative)), `/drop/${path.basename(relative)}`);
}

describe('the shared ANPA-1312 and IPTC 7901 samples', () => {
  it('are where the specs read them, the pinned ones among them', () => {
    expect(existsSync(path.join(WIRE_DATA, 'README.md'))).toBe(true);
    expect(sharedFiles()).toEqual(expect.arrayContaining(Object.keys(EXPECTED)));
  });

  it.each(sharedFiles())('%s, pinned or not, reads as a transmission: stories with a headline or copy, and clean text', (relative) => {
    expect(looksLikeTransmission(readFileSync(path.join(WIRE_DATA, relative)))).toBe(relative.startsWith('anpa/') ? 'anpa' : 'iptc7901');
    const result = parseShared(relative);
    expect(result.documents.length).toBeGreaterThan(0);
    result.documents.forEach((document, index) => {
      expect(`${document.feedItem!.title ?? ''}${document.body}`.trim()).not.toBe('');
      expectClean(document, result.stories[index]);
    });
  });

  describe.each(Object.entries(EXPECTED))('%s', (relative, expected) => {
    const bytes = () => readFileSync(path.join(WIRE_DATA, relative));

    it('is recognised by its content', () => {
      expect(looksLikeTransmission(bytes())).toBe(expected.format);
    });

    it('gives its stories, the first with headline, byline, urgency, keyword and copy', () => {
      const result = parseShared(relative);
      expect(result.format).toBe(expected.format);
      expect(result.skipped).toEqual([]);
      expect(result.documents).toHaveLength(expected.stories);
      const [story] = result.stories;
      const [document] = result.documents;
      expect({ headline: story.headline, byline: story.byline, urgency: story.urgency, keyword: story.keyword }).toEqual({
        headline: expected.headline,
        byline: expected.byline,
        urgency: expected.urgency,
        keyword: expected.keyword,
      });
      expect(document.body.slice(0, 60)).toBe(expected.bodyStart);
      expect(document.format).toBe('feed-item');
      expect(document.feedItem).toMatchObject({ title: expected.headline, author: expected.byline, urgency: expected.urgency, link: null, dateline: null });
      // The keyword is kept as the story's guid field; the article id is the content's (keywords are
      // reused), with the version for a later version (a write-thru may keep the body it replaces).
      expect(document.feedItem!.guid).toBe(story.guid);
      expect(story.guid).toMatch(new RegExp(`^[\\w-]+:${expected.keyword.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`));
      const wire = document.feedItem!.wire!;
      const contentGuid = wire.version ? `sha256:${document.contentHash}#version=${wire.version}` : null;
      expect(document.articleId).toBe(articleIdFor({ sourceId: source.id, guid: contentGuid, contentHash: document.contentHash }));
    });

    it('leaves no control character, framing, note to editors or header line in any field', () => {
      const result = parseShared(relative);
      result.documents.forEach((document, index) => expectClean(document, result.stories[index]));
    });
  });
});

describe('ANPA-1312 samples in detail', () => {
  it('reads the header: selector, category, version, word count; the trailer: agency and time sent', () => {
    const [story] = parseShared('anpa/ap_anpa-1.tst').stories;
    expect(story).toMatchObject({
      service: 'z',
      messageNumber: '6715',
      selector: null, // '-----': none, so the agency names the story
      agency: 'AP',
      category: 'z',
      version: '1stLd-Writethru',
      wordCount: 500,
      guid: 'AP:BC-BKN--Heat-Hawks',
      categories: ['BC-BKN--Heat-Hawks'],
      publishedAt: '2016-02-20T03:37:00.000Z',
    });
    // The summary line after the headline; the photo and editor's notes are gone.
    expect(story.subheadline).toMatch(/^Luol Deng scored 30 points and Josh McRoberts had 19 — season highs/);
    // Each tab-indented line is a paragraph; CR LF is gone.
    expect(story.body.split('\n\n')).toHaveLength(19);
    expect(story.body).not.toContain('\r');
  });

  it('names a story by selector and keyword, and carries the keyword as its keyword line spells it', () => {
    const [story] = parseShared('anpa/anpa-1.tst').stories;
    expect(story).toMatchObject({ selector: 'asian', guid: 'asian:BC-LT--Argentina-CancerB', categories: ['BC-LT--Argentina-Cancer Beauty'], version: null, wordCount: 1049 });
  });

  it("reads AP's 7-bit typography as the characters meant: dashes and quotation marks", () => {
    const { body } = parseShared('anpa/anpa-1.tst').stories[0];
    expect(body).toContain('“Look Good Feel Better” is a program');
    expect(body).toContain('So they are faced with, ‘This is who I am,');
    expect(body).toContain('\n\n___\n\nAPTN contributor Kacey Cherry in Buenos Aires helped with this story.');
    expect(body).not.toMatch(/``|''| _ /);
  });

  it('keeps a table as rows of cells, out of the body, and drops its END mark', () => {
    const [story] = parseShared('anpa/anpa-3.tst').stories;
    expect(story.body).toContain('as of 0700 GMT:\n\nx - Indicates missing information.');
    expect(story.body.endsWith('Source: Weather Underground')).toBe(true);
    expect(story.body).not.toMatch(/\bEND\b|;|Amsterdam/);
    expect(story.tables).toHaveLength(1);
    const [{ rows }] = story.tables;
    expect(rows[0]).toEqual(['', 'MIN', 'MAX', 'COND', 'PRECIP', 'MIN', 'MAX', 'COND', 'MIN', 'MAX', 'COND']);
    expect(rows[1]).toEqual(['Amsterdam', '42', '50', 'rn', '0.08', '39', '52', 'pc', '39', '48', 'rn']);
    expect(rows[rows.length - 1]).toEqual(['Baghdad', '61', '74', 'clr', '0.00', '59', '72', 'pc', '55', '72', 'clr']);
    expect(rows.every((row) => row.length === 11)).toBe(true);
    // The raw document carries it; its content hash covers it.
    const [document] = parseShared('anpa/anpa-3.tst').documents;
    expect(document.tables).toEqual(story.tables);
  });

  it('reads a headline-less, byline-less write-thru with an editor\'s note', () => {
    const [story] = parseShared('anpa/ap_anpa-3.tst').stories;
    expect(story).toMatchObject({ selector: 'glbsm', version: '1stLd-Writethru', body: 'CHATHAM, Mass. (AP) — A lobster died.', guid: 'glbsm:BC-US--GiantLobsterDeath' });
  });
});

describe('IPTC 7901 samples in detail', () => {
  it('reads the header (source, message number, priority, category, word count, agency) and the trailer date', () => {
    const [story] = parseShared('iptc7901/IPTC7901.txt').stories;
    expect(story).toMatchObject({
      service: 'eca',
      messageNumber: '062',
      agency: 'dpa',
      category: 'i',
      wordCount: 211,
      urgency: 4,
      guid: 'dpa:Germany-politics',
      categories: ['Germany-politics'],
      publishedAt: '2013-11-13T11:37:00.000Z',
    });
  });

  it('joins hard-wrapped lines into paragraphs and leaves out the notebook, contacts and sign-off', () => {
    const { body } = parseShared('iptc7901/IPTC7901.txt').stories[0];
    const paragraphs = body.split('\n\n');
    expect(paragraphs).toHaveLength(5);
    expect(paragraphs[0]).toBe(
      'Berlin (dpa) - Negotiations between German conservatives headed by Chancellor Angela Merkel and the left-leaning Social Democrats (SPD) on forming a coalition government could fail, a senior SPD member warned Wednesday.',
    );
    expect(paragraphs[4].endsWith('to be sworn in for a third term before Christmas.')).toBe(true);
    expect(body).not.toMatch(/Contacts|Wolfgang Schmidt|englishservice@dpa\.com|dpa wsz/);
  });

  it('takes the take key apart from the headline, and splits the keyword line into categories', () => {
    const [story] = parseShared('iptc7901/dpa_two_line.txt').stories;
    expect(story).toMatchObject({ version: 'EXTRA', categories: ['Yemen', 'conflict'], guid: 'dpa:Yemen/conflict', publishedAt: '2018-11-21T21:01:00.000Z' });
    expect(story.body).not.toMatch(/Notebook|Internet links|dpaq\.de|dpa grj rmo/);
    expect(parseShared('iptc7901/dpa_copyright.txt').stories[0]).toMatchObject({ version: '(Achtung)', headline: 'Impressum', category: 'rs' });
  });
});

// Invented transmissions, built the way the samples are.
interface AnpaParts {
  number?: string;
  selector?: string;
  priority?: string;
  category?: string;
  keyword: string;
  version?: string;
  lines: string[];
  sent?: string;
}

function anpaTransmission({ number = 'W1234', selector = 'asian', priority = 'r', category = 'i', keyword, version, lines, sent = 'AP-WF-03-11-11 0548GMT' }: AnpaParts): string {
  const header = `${priority} ${category}\x13\x11 ${keyword}${version ? ` ${version}` : ''}     03-11 0120`;
  return `\x16\x16\x01${number}\x1f${selector}\r\n${header}\r\n\x02${lines.join('\r\n')}\r\n\r\n\t   \x03${sent}<\r\n\r\n\f\r\n\x04`;
}

const quake = (version?: string, headline = 'Strong quake shakes northern Japan') =>
  anpaTransmission({
    keyword: 'BC-AS--Japan-Quake',
    version,
    lines: [
      `^BC-AS--Japan-Quake${version ? `, ${version.replace('Ld', ' Ld')}` : ''},120<`,
      `^${headline}<`,
      '^Eds: Moves on general news services.<',
      '^By MARI YAMAGUCHI=',
      '^Associated Press=',
      '\t   TOKYO (AP) _ A strong earthquake shook northern Japan on Friday, the ``Meteorological Agency\'\' said.',
      ' ',
      '\t   There was no immediate word on damage.',
    ],
  });

describe('invented ANPA-1312 transmissions', () => {
  it('reads two stories from one file, each its own document named in the file by its guid', () => {
    const vote = anpaTransmission({
      number: 'W1235',
      priority: 'u',
      category: 'a',
      keyword: 'BC-US--Senate-Vote',
      lines: ['^BC-US--Senate-Vote,85<', '^Senate passes spending bill<', '^By LISA MASCARO=', '^AP Congressional Correspondent=', '\t   WASHINGTON (AP) _ The Senate passed the bill on Friday.'],
      sent: 'AP-WF-03-11-11 0602GMT',
    });
    const result = parse(Buffer.from(quake() + vote, 'latin1'), '/drop/two.tst');
    expect(result.format).toBe('anpa');
    expect(result.stories.map((story) => story.headline)).toEqual(['Strong quake shakes northern Japan', 'Senate passes spending bill']);
    expect(result.stories.map((story) => story.byline)).toEqual(['By MARI YAMAGUCHI, Associated Press', 'By LISA MASCARO, AP Congressional Correspondent']);
    expect(result.stories.map((story) => story.urgency)).toEqual([5, 3]);
    expect(result.documents.map((document) => document.documentUri)).toEqual(['/drop/two.tst#asian%3ABC-AS--Japan-Quake', '/drop/two.tst#asian%3ABC-US--Senate-Vote']);
    expect(new Set(result.documents.map((document) => document.articleId)).size).toBe(2);
    expect(result.documents[0].body).toBe(
      'TOKYO (AP) — A strong earthquake shook northern Japan on Friday, the “Meteorological Agency” said.\n\nThere was no immediate word on damage.',
    );
    expect(result.documents[1]).toMatchObject({ body: 'WASHINGTON (AP) — The Senate passed the bill on Friday.', feedItem: { publishedAt: '2011-03-11T06:02:00.000Z' } });
    result.documents.forEach((document, index) => expectClean(document, result.stories[index]));
  });

  it('keeps a write-thru as its own article, its version read, linked by its keyword and day', () => {
    const first = parse(Buffer.from(quake()), '/drop/a.tst');
    const writethru = parse(Buffer.from(quake('1stLd-Writethru', 'Strong quake shakes northern Japan, no damage reported')), '/drop/b.tst');
    expect(writethru.stories[0].version).toBe('1stLd-Writethru');
    // The same copy under a new headline is a version of its own, not the same article.
    expect(writethru.documents[0].body).toBe(first.documents[0].body);
    expect(writethru.documents[0].articleId).not.toBe(first.documents[0].articleId);
    expect(writethru.documents[0].feedItem!.wire).toMatchObject({ agencyItemId: first.documents[0].feedItem!.wire!.agencyItemId, version: 1 });
    expect(writethru.documents[0].feedItem!.guid).toBe(first.documents[0].feedItem!.guid);
    expect(writethru.documents[0].feedItem!.title).toBe('Strong quake shakes northern Japan, no damage reported');
  });

  it('keeps a headline-only FLASH, urgency 1, with an empty body', () => {
    const flash = anpaTransmission({
      priority: 'f',
      category: 'i',
      keyword: 'BC-AS--Japan-Quake',
      lines: ['^BC-AS--Japan-Quake,0012<', '^FLASH<', '^Magnitude 8.9 earthquake strikes off northeastern Japan<'],
    });
    const result = parse(Buffer.from(flash), '/drop/flash.tst');
    expect(result.skipped).toEqual([]);
    expect(result.documents).toHaveLength(1);
    const [document] = result.documents;
    expect(document.body).toBe('');
    expect(document.feedItem).toMatchObject({ title: 'Magnitude 8.9 earthquake strikes off northeastern Japan', urgency: 1, author: null, guid: 'asian:BC-AS--Japan-Quake' });
    // No body: the headline tells it apart (raw-document.ts).
    expect(document.articleId).not.toBe(articleIdFor({ sourceId: source.id, contentHash: document.contentHash }));
  });

  it('keeps two unrelated stories sent under one reused keyword apart', () => {
    const alert = (headline: string) =>
      anpaTransmission({ priority: 'b', category: 'a', keyword: 'BC-US--APNewsAlert', lines: ['^BC-US--APNewsAlert,0012<', `^${headline}<`, `\tWASHINGTON (AP) — ${headline}.`] });
    const first = parse(Buffer.from(alert('The Senate passes the budget')), '/drop/alert-1.tst');
    const second = parse(Buffer.from(alert('A storm closes the airports of the East Coast')), '/drop/alert-2.tst');
    expect(first.documents[0].articleId).not.toBe(second.documents[0].articleId);
  });

  it('keeps agate rows as cells of a table captioned by the heading before it, whether cells are split by ; or by RS/US', () => {
    const table = anpaTransmission({
      number: 's0284',
      selector: '-----',
      category: 's',
      keyword: 'BC-BBO--WildCardGlance',
      lines: [
        '^BC-BBO--Wild Card Glance<',
        '^Wild Card Glance=',
        '^By The Associated Press=',
        '^AMERICAN LEAGUE=',
        '\x08^\x1f\x1e W\x1e \x1e L\x1e \x1e Pct',
        '\x08Tampa\x10 Bay\x1f\x1e 73\x1e \x1e 52\x1e \x1e .584',
        '\x08^;W;L;Pct\x10 ',
        '\x08Kansas\x10 City;44;79;.358\x10 ',
        '\t   ___=',
      ],
    });
    const [story] = parse(Buffer.from(table)).stories;
    expect(story).toMatchObject({ headline: 'Wild Card Glance', byline: 'By The Associated Press', guid: 'AP:BC-BBO--WildCardGlance' });
    expect(story.body).toBe('');
    expect(story.tables).toEqual([
      {
        caption: 'AMERICAN LEAGUE',
        rows: [
          ['', 'W', 'L', 'Pct'],
          ['Tampa Bay', '73', '52', '.584'],
          ['', 'W', 'L', 'Pct'],
          ['Kansas City', '44', '79', '.358'],
        ],
      },
    ]);
  });

  it('decodes Latin-1 copy', () => {
    const story = anpaTransmission({
      keyword: 'BC-EU--Spain-Election',
      lines: ['^BC-EU--Spain-Election,60<', '^Sánchez wins Spain vote<', '\t   MADRID (AP) _ Pedro Sánchez won, and José Muñoz, the señor from Cádiz, said ``¡Olé!\'\' twice.'],
    });
    const result = parse(iconv.encode(story, 'latin1'));
    expect(result.documents[0].feedItem!.title).toBe('Sánchez wins Spain vote');
    expect(result.documents[0].body).toBe('MADRID (AP) — Pedro Sánchez won, and José Muñoz, the señor from Cádiz, said “¡Olé!” twice.');
  });
});

describe('invented IPTC 7901 transmissions', () => {
  const dpa = (body: string) =>
    `\x01eca0042 1 i 24  dpa 0117\r\n\nGermany/Bundestag/\r\n\x02Bundestag elects Merz chancellor\nBy Theresa Münch, dpa =\r\n\n${body}\r\n\r\n\x03061205 GMT Mär 25\r\n\x7f\n\x7f\x04`;

  it('reads a FLASH-priority story with a byline, a German trailer date and Latin-1 copy', () => {
    const text = dpa('Berlin (dpa) - Friedrich Merz wurde am Dienstag zum Kanzler gewählt.\r\nDie Abstimmung in Berlin war knapp.\r\n\ndpa tm xx');
    const result = parse(iconv.encode(text, 'latin1'));
    expect(result.format).toBe('iptc7901');
    expect(result.stories[0]).toMatchObject({
      headline: 'Bundestag elects Merz chancellor',
      byline: 'By Theresa Münch, dpa',
      urgency: 1,
      keyword: 'Germany/Bundestag',
      categories: ['Germany', 'Bundestag'],
      publishedAt: '2025-03-06T12:05:00.000Z',
      body: 'Berlin (dpa) - Friedrich Merz wurde am Dienstag zum Kanzler gewählt. Die Abstimmung in Berlin war knapp.',
    });
    result.documents.forEach((document, index) => expectClean(document, result.stories[index]));
  });
});

describe('looksLikeTransmission and refusals', () => {
  it('says null for plain wire text, XML and copy merely framed by SOH/STX', () => {
    const plain = 'WASHINGTON (AP) — The Senate passed a spending bill on Friday, averting a shutdown.\n\nThe vote was 68-31.\n';
    expect(looksLikeTransmission(Buffer.from(plain))).toBeNull();
    expect(looksLikeTransmission(Buffer.from('<?xml version="1.0"?><nitf/>'))).toBeNull();
    expect(looksLikeTransmission(Buffer.from('\x01\x02WASHINGTON (AP) — Copy with no header.\x03\x04'))).toBeNull();
    expect(looksLikeTransmission(Buffer.from(''))).toBeNull();
    expect(() => parse(Buffer.from(plain))).toThrow(UnprocessableDocumentError);
  });

  it('decides by content, whatever the file is called', () => {
    const bytes = readFileSync(path.join(WIRE_DATA, 'anpa/ap_anpa-5.tst'));
    expect(parse(bytes, '/drop/story.xml').format).toBe('anpa');
  });

  it('refuses a document over maxBytes', () => {
    expect(() => parse(Buffer.from(quake()), '/drop/big.tst', { maxBytes: 100 })).toThrow(UnprocessableDocumentError);
  });

  it('skips a transmission with no text, with the reason', () => {
    const result = parse(Buffer.from(`${quake()}\x16\x16\x01W9999\x1fasian\r\nr i\x13\x11 BC-AS--Empty     03-11 0000\r\n\x04`));
    expect(result.documents).toHaveLength(1);
    expect(result.skipped).toEqual([expect.stringContaining('no STX')]);
  });
});
