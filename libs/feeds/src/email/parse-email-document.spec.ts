/* eslint-disable no-control-regex -- the tests look for control characters in what the reader gives */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { articleIdFor, RawDocumentV1Schema, UnprocessableDocumentError, type RawDocumentV1 } from '@wirestream/contracts';
import iconv from 'iconv-lite';
import { classifyDroppedFile, documentFromDroppedFile } from '../dropped-file';
import { documentsFromDroppedFile } from '../dropped-file-documents';
import type { SourceRef } from '../source-ref';
import { parseEmailDocument } from './parse-email-document';

// Real e-mail samples shared with the project, read in place: see its README.md.
const WIRE_DATA = path.resolve(__dirname, '../../../../../shared/data/wire');
const source: SourceRef = { id: 'mail-drop', kind: 'file-drop', uri: '/drop' };
const fetchedAt = new Date('2026-01-06T09:00:00Z');

async function parse(bytes: Uint8Array | string, documentUri = '/drop/mail.eml'): Promise<RawDocumentV1[]> {
  const { documents } = await parseEmailDocument(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes, { source, documentUri, fetchedAt });
  for (const document of documents) RawDocumentV1Schema.parse(document);
  return documents;
}

/** Control characters but newline (C0, DEL, C1). */
const CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f]/;
/** A header line of the message or of a part. */
const HEADER_LINE = /^(?:received|from|to|subject|date|message-id|mime-version|content-[a-z-]+|delivered-to|return-path|dkim-signature|x-[a-z-]+)[ \t]*:/im;

/** What must not survive into a text field: controls, header lines, MIME boundaries, transfer encodings, markup. */
function expectClean(document: RawDocumentV1): void {
  const item = document.feedItem!;
  const fields = [item.title, item.author, ...item.categories, document.body].filter((field): field is string => !!field);
  for (const field of fields) {
    expect(field).not.toMatch(CONTROL);
    expect(field).not.toMatch(HEADER_LINE);
    expect(field).not.toMatch(/^--[\w'()+,./:=?-]{6,}/m);
    expect(field).not.toMatch(/=[0-9A-F]{2}|=\r?$|=\?[\w-]+\?[BQ]\?/im);
    expect(field).not.toMatch(/^[A-Za-z0-9+/]{60,}={0,2}$/m);
    expect(field).not.toMatch(/<[A-Za-z/!?]/);
  }
}

function firstParagraph(body: string): string {
  return body.split(/\n\s*\n/)[0].trim();
}

interface MailExpectation {
  headline: string;
  byline: string | null;
  publishedAt: string;
  firstParagraph: string;
  notes: string[];
}

/** Shared samples pinned field by field; every sample, pinned or not, must read cleanly (below). */
const EXPECTED: Record<string, MailExpectation> = {
  'composite_email.txt': {
    headline: 'single image test',
    byline: 'someone',
    publishedAt: '2015-03-03T00:27:36.000Z',
    firstParagraph: 'this is a test of a single image',
    notes: ['e-mail attachment not read: Cow.jpg (image/jpeg)'],
  },
  'simple_email.txt': {
    headline: 'Test message 1234',
    byline: 'a sender',
    publishedAt: '2015-02-19T06:18:40.000Z',
    firstParagraph: 'body text',
    notes: [],
  },
};

describe('the shared e-mail samples', () => {
  const files = existsSync(path.join(WIRE_DATA, 'email')) ? readdirSync(path.join(WIRE_DATA, 'email')).sort() : [];

  it('are where the specs read them, the pinned ones among them', () => {
    expect(files).toEqual(expect.arrayContaining(Object.keys(EXPECTED)));
  });

  it.each(files)('%s, pinned or not, reads as e-mail: at least one story with a headline or copy, and clean text', async (name) => {
    const bytes = readFileSync(path.join(WIRE_DATA, 'email', name));
    expect(classifyDroppedFile(bytes, 'story.txt')).toBe('email');
    const documents = await parse(bytes, `/drop/${name}`);
    expect(documents.length).toBeGreaterThan(0);
    for (const document of documents) {
      expect(`${document.feedItem!.title ?? ''}${document.body}`.trim()).not.toBe('');
      expectClean(document);
    }
  });

  describe.each(Object.entries(EXPECTED))('%s', (name, expected) => {
    const bytes = () => readFileSync(path.join(WIRE_DATA, 'email', name));

    it('is recognised as e-mail by its content, whatever its name', () => {
      expect(classifyDroppedFile(bytes(), 'story.txt')).toBe('email');
      expect(classifyDroppedFile(bytes(), 'no-extension')).toBe('email');
    });

    it('gives one story: subject as headline, sender as byline, Date as published, the text part as copy', async () => {
      const [document, ...others] = await documentsFromDroppedFile(bytes(), { source, path: `/drop/${name}`, fetchedAt });
      expect(others).toEqual([]);
      expect(document.format).toBe('feed-item');
      expect(document.feedItem).toMatchObject({ title: expected.headline, author: expected.byline, publishedAt: expected.publishedAt, link: null });
      expect(firstParagraph(document.body)).toBe(expected.firstParagraph);
      expect(document.processingNotes ?? []).toEqual(expected.notes);
      // The Message-ID is the guid: the same message dropped again is the same article.
      expect(document.feedItem!.guid).toMatch(/^<.+@.+>$/);
      expect(document.articleId).toBe(articleIdFor({ sourceId: source.id, guid: document.feedItem!.guid }));
    });

    it('leaves no control character, header, MIME boundary, transfer encoding or markup in any text field', async () => {
      for (const document of await parse(bytes(), `/drop/${name}`)) expectClean(document);
    });
  });
});

/** An invented message: headers, a blank line, then the body. */
function mail(headers: string[], body: string): string {
  return `${headers.join('\r\n')}\r\n\r\n${body.replace(/\r?\n/g, '\r\n')}`;
}

describe('parseEmailDocument', () => {
  it('decodes RFC 2047 encoded words in the subject and the sender, and the part in its own charset and transfer encoding', async () => {
    const body = iconv.encode('Die Fähre nach Süderoog fährt – ab Montag – wieder täglich.\n', 'windows-1252');
    const qp = [...body].map((byte) => (byte >= 0x80 || byte === 0x3d ? `=${byte.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(byte))).join('');
    const [document] = await parse(
      mail(
        [
          'From: =?UTF-8?B?SsO8cmdlbiBNw7xsbGVy?= <desk@wire.example>',
          'Subject: =?ISO-8859-1?Q?F=E4hre_nach_S=FCderoog?= =?UTF-8?B?IGbDpGhydCB3aWVkZXI=?=',
          'Date: Mon, 6 Jan 2025 09:30:00 +0100',
          'Message-ID: <ferry-1@wire.example>',
          'MIME-Version: 1.0',
          'Content-Type: text/plain; charset=windows-1252',
          'Content-Transfer-Encoding: quoted-printable',
        ],
        qp,
      ),
    );
    expect(document.feedItem).toMatchObject({ title: 'Fähre nach Süderoog fährt wieder', author: 'Jürgen Müller', publishedAt: '2025-01-06T08:30:00.000Z' });
    expect(document.body).toBe('Die Fähre nach Süderoog fährt – ab Montag – wieder täglich.');
    expect(document.charset).toBe('windows-1252');
    expectClean(document);
  });

  it('reads each part of a multipart message in its own charset, and leaves out Re:/Fwd: prefixes', async () => {
    const koi8 = iconv.encode('Паром отменён из-за шторма.', 'koi8-r').toString('base64');
    const [document] = await parse(
      mail(
        ['From: Desk <desk@wire.example>', 'Subject: Fwd: RE: Ferry cancelled', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="outer-b0undary"'],
        [
          '--outer-b0undary',
          'Content-Type: text/plain; charset=koi8-r',
          'Content-Transfer-Encoding: base64',
          '',
          koi8,
          '--outer-b0undary--',
          '',
        ].join('\n'),
      ),
    );
    expect(document.feedItem!.title).toBe('Ferry cancelled');
    expect(document.body).toBe('Паром отменён из-за шторма.');
    expect(document.feedItem!.publishedAt).toBeNull();
  });

  const ALTERNATIVE = (plain: string, html: string) =>
    mail(
      ['From: Harbour Desk <desk@wire.example>', 'Subject: Pier opens', 'MIME-Version: 1.0', 'Content-Type: multipart/alternative; boundary=alt-b0undary'],
      ['--alt-b0undary', 'Content-Type: text/plain; charset=utf-8', '', plain, '--alt-b0undary', 'Content-Type: text/html; charset=utf-8', '', html, '--alt-b0undary--', ''].join('\n'),
    );

  it('prefers the text/plain alternative, without its signature', async () => {
    const [document] = await parse(
      ALTERNATIVE(
        'The new pier at Oster Bay opened on Monday after two years of work.\n\nThe harbour master cut the ribbon.\n\n-- \nHarbour Desk\n+1 555 0100',
        '<p>The new pier at <b>Oster Bay</b> opened on Monday after two years of work.</p><p>The harbour master cut the ribbon.</p>',
      ),
    );
    expect(document.body).toBe('The new pier at Oster Bay opened on Monday after two years of work.\n\nThe harbour master cut the ribbon.');
    expect(document.feedItem!.author).toBe('Harbour Desk');
  });

  it('takes the HTML alternative, as markup for the normalizer to read, when the plain text is a stub', async () => {
    const html = '<html><head><style>p { color: red }</style></head><body><p>The new pier at Oster Bay opened on Monday after two years of work and a long dispute.</p><p>The harbour master cut the ribbon.</p></body></html>';
    const [document] = await parse(ALTERNATIVE('View this message in a browser.', html));
    expect(document.body).toContain('<p>The new pier at Oster Bay opened on Monday');
    expect(document.processingNotes).toEqual(['e-mail: its plain-text part was much shorter than its HTML part, which was read instead']);
  });

  it('escapes plain text that would read as markup, so the normalizer reads it as written', async () => {
    const [document] = await parse(mail(['From: desk@wire.example', 'Subject: Results', 'Content-Type: text/plain'], 'Turnout was <50% in the north.\n\nFull list: <https://wire.example/results>\n'));
    expect(document.body).toBe('<p>Turnout was &lt;50% in the north.</p>\n<p>Full list: &lt;https://wire.example/results&gt;</p>');
    // A bare address is no byline.
    expect(document.feedItem!.author).toBeNull();
  });

  it('leaves out the header block of a forwarded message, taking the byline and date of the story forwarded as it came', async () => {
    const [document] = await parse(
      Buffer.from(
        mail(
        ['From: Night Desk <night@paper.example>', 'Subject: Fwd: Pier opens at Oster Bay', 'Date: Tue, 6 Jan 2026 23:10:00 +0000', 'Content-Type: text/plain; charset=utf-8'],
        [
          '',
          '---------- Forwarded message ---------',
          'From: Ane Krøyer <ane@wire.example>',
          'Date: Tue, 6 Jan 2026 18:05:00 +0100',
          'Subject: Pier opens at Oster Bay',
          'To: <night@paper.example>',
          '',
          'The new pier at Oster Bay opened on Tuesday after two years of work.',
          '',
          'The harbour master cut the ribbon.',
        ].join('\n'),
        ),
        'utf8',
      ),
    );
    expect(document.feedItem).toMatchObject({ title: 'Pier opens at Oster Bay', author: 'Ane Krøyer', publishedAt: '2026-01-06T17:05:00.000Z' });
    expect(document.body).toBe('The new pier at Oster Bay opened on Tuesday after two years of work.\n\nThe harbour master cut the ribbon.');
    expectClean(document);
  });

  it('names each attachment in the processing notes and reads none of them', async () => {
    const [document] = await parse(
      mail(
        ['From: Desk <desk@wire.example>', 'Subject: Photos of the pier', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary=mix-b0undary'],
        [
          '--mix-b0undary',
          'Content-Type: text/plain; charset=us-ascii',
          '',
          'Two pictures of the new pier attached.',
          '--mix-b0undary',
          'Content-Type: application/pdf; name="=?UTF-8?Q?Pl=C3=A4ne.pdf?="',
          'Content-Disposition: attachment; filename="=?UTF-8?Q?Pl=C3=A4ne.pdf?="',
          'Content-Transfer-Encoding: base64',
          '',
          Buffer.from('%PDF-1.4 not really').toString('base64'),
          '--mix-b0undary--',
          '',
        ].join('\n'),
      ),
    );
    expect(document.body).toBe('Two pictures of the new pier attached.');
    expect(document.processingNotes).toEqual(['e-mail attachment not read: Pläne.pdf (application/pdf)']);
  });

  it('reads every message of an mbox file, each its own article', async () => {
    const one = mail(['From: Desk <desk@wire.example>', 'Subject: First story', 'Message-ID: <one@wire.example>'], 'The first text.\n');
    const two = mail(['From: Desk <desk@wire.example>', 'Subject: Second story', 'Message-ID: <two@wire.example>'], 'The second text.\n');
    const mbox = `From desk@wire.example Mon Jan  6 09:30:00 2025\n${one}\n\nFrom desk@wire.example Mon Jan  6 09:45:00 2025\n${two}\n`;
    const documents = await parse(mbox, '/drop/desk.mbox');
    expect(documents.map((document) => [document.feedItem!.title, document.body, document.documentUri])).toEqual([
      ['First story', 'The first text.', '/drop/desk.mbox#message-1'],
      ['Second story', 'The second text.', '/drop/desk.mbox#message-2'],
    ]);
  });

  it('refuses a message with neither subject nor text', async () => {
    await expect(parse(mail(['From: Desk <desk@wire.example>', 'Message-ID: <empty@wire.example>'], '\n'))).rejects.toThrow(UnprocessableDocumentError);
  });

  it('is what a dropped file that is mail goes to, not the single-document reader', () => {
    const bytes = Buffer.from(mail(['From: Desk <desk@wire.example>', 'Subject: Pier'], 'Text.'));
    expect(() => documentFromDroppedFile(bytes, { source, path: '/drop/m.txt', fetchedAt })).toThrow(/parseEmailDocument reads/);
  });
});
