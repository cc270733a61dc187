import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { NormalizedArticleSchema, sha256Hex, type NormalizedArticle, type RawDocumentV1 } from '@wirestream/contracts';
import { NORMALIZER_VERSION, normalizeDocument } from './index';

/**
 * The two real seed stories, read at test time (their text never lives in this repository): a
 * KUNA story syndicated by MENAFN, and text copied from a Korea JoongAng Daily page. Every output
 * field is pinned.
 */
const SEEDS_DIR = path.resolve(__dirname, '../../../../shared/samples/seeds');

function seedDocument(prefix: string): RawDocumentV1 {
  const file = readdirSync(SEEDS_DIR).find((name) => name.startsWith(prefix));
  if (!file) throw new Error(`no seed starting with ${prefix} in ${SEEDS_DIR}`);
  const body = readFileSync(path.join(SEEDS_DIR, file), 'utf8');
  return {
    schemaVersion: 1,
    articleId: '0123456789abcdef0123456789abcdef',
    source: { id: 'seed-drop', kind: 'file-drop', uri: `file://${SEEDS_DIR}` },
    documentUri: `file://${path.join(SEEDS_DIR, file)}`,
    fetchedAt: '2025-01-07T03:00:00.000Z',
    format: 'wire-text',
    charset: 'utf-8',
    body,
    contentHash: sha256Hex(body),
    feedItem: null,
  };
}

describe('normalizeDocument on the MENAFN-syndicated KUNA seed', () => {
  const doc = seedDocument('000_');
  let article: NormalizedArticle;
  beforeAll(() => {
    article = normalizeDocument(doc);
  });

  it('copies identity fields from the raw document', () => {
    expect(article.articleId).toBe(doc.articleId);
    expect(article.sourceId).toBe('seed-drop');
    expect(article.documentUri).toBe(doc.documentUri);
    expect(article.fetchedAt).toBe('2025-01-07T03:00:00.000Z');
    expect(article.normalizerVersion).toBe(NORMALIZER_VERSION);
  });

  it('satisfies the NormalizedArticle contract', () => {
    expect(NormalizedArticleSchema.safeParse(article).success).toBe(true);
  });

  it('has no headline, subheadline, byline, section, canonical URL or captions, since the copy carries none', () => {
    expect(article.headline).toBeNull();
    expect(article.subheadline).toBeNull();
    expect(article.byline).toBeNull();
    expect(article.section).toBeNull();
    expect(article.canonicalUrl).toBeNull();
    expect(article.captions).toEqual([]);
  });

  it('moves the dateline out of the body', () => {
    expect(article.dateline).toEqual({ place: 'TOKYO', dateText: 'Jan 6', agency: 'KUNA' });
    expect(article.body.startsWith('US Secretary of State Antony Blinken said Monday')).toBe(true);
    expect(article.body).not.toContain('(KUNA) --');
  });

  it('takes the publication date, publisher and originating agency from the syndication header', () => {
    expect(article.publishedAt).toBe('2025-01-06');
    expect(article.publishedAtSource).toBe('syndication-header');
    expect(article.publisher).toBe('MENAFN');
    expect(article.originatingAgency).toBe('Kuwait News Agency (KUNA)');
  });

  it('prefers the syndication header date over a dateline resolved against a reference date', () => {
    const withReference = normalizeDocument(doc, { referenceDate: new Date('2025-03-01T00:00:00Z') });
    expect(withReference.publishedAt).toBe('2025-01-06');
    expect(withReference.publishedAtSource).toBe('syndication-header');
  });

  it('credits the agency the copy says reported the story', () => {
    expect(article.credits).toEqual(['Yonhap News Agency']);
  });

  it('drops the header, end mark, operator initials and syndication ID from the body', () => {
    expect(article.body).not.toContain('MENAFN');
    expect(article.body).not.toContain('date 2025');
    expect(article.body).not.toMatch(/\(end\)/i);
    expect(article.body.endsWith('mk')).toBe(false);
    expect(article.body.endsWith('planned stops in Japan and France.')).toBe(true);
  });

  it('keeps the eleven story paragraphs, each with collapsed whitespace', () => {
    const paragraphs = article.body.split('\n\n');
    expect(paragraphs).toHaveLength(11);
    for (const paragraph of paragraphs) {
      expect(paragraph).toBe(paragraph.trim());
      expect(paragraph).not.toMatch(/\s{2,}|\n/);
    }
    expect(paragraphs[1]?.startsWith('Blinken made the remark in Seoul')).toBe(true);
  });

  it('detects English, counts words and hashes the body', () => {
    expect(article.language).toBe('en');
    expect(article.wordCount).toBe(350);
    expect(article.wordCount).toBe(article.body.match(/[\p{L}\p{N}]+/gu)?.length);
    expect(article.contentHash).toBe(sha256Hex(article.body));
    expect(article.contentHash).toBe('bea3fb97593fafc2ba67e9be03e800ffdba01fe66d5fb03b7b0cc6659a07ab63');
  });
});

describe('normalizeDocument on the Korea JoongAng Daily page-copy seed', () => {
  const doc = seedDocument('002_');
  let article: NormalizedArticle;
  beforeAll(() => {
    article = normalizeDocument(doc);
  });

  it('copies identity fields and satisfies the contract', () => {
    expect(article.articleId).toBe(doc.articleId);
    expect(article.sourceId).toBe('seed-drop');
    expect(article.documentUri).toBe(doc.documentUri);
    expect(article.fetchedAt).toBe(doc.fetchedAt);
    expect(article.normalizerVersion).toBe(NORMALIZER_VERSION);
    expect(NormalizedArticleSchema.safeParse(article).success).toBe(true);
  });

  it('takes the first line as the headline and drops its doubled copy from the body', () => {
    expect(article.headline).toBe('Blinken slams North-Russia arms deals during visit to Seoul');
    expect(article.subheadline).toBeNull();
    expect(article.body).not.toContain('Blinken slams North-Russia arms deals');
  });

  it('reads the section from the breadcrumbs and drops them', () => {
    expect(article.section).toBe('National > Diplomacy');
    expect(article.body).not.toContain('Home >');
  });

  it('moves the doubled photo caption out of the body, once, and credits its agency', () => {
    expect(article.captions).toHaveLength(1);
    expect(article.captions[0]?.startsWith('U.S. Secretary of State Antony Blinken speaks during a joint press conference')).toBe(true);
    expect(article.captions[0]?.endsWith('[YONHAP]')).toBe(true);
    expect(article.body).not.toContain('[YONHAP]');
    expect(article.credits).toEqual(['Yonhap']);
  });

  it('reads the all-caps byline into a readable name and an e-mail address', () => {
    expect(article.byline).toEqual({
      text: 'BY ESTHER CHUNG [chung.juhee@joongang.co.kr]',
      names: ['Esther Chung'],
      emails: ['chung.juhee@joongang.co.kr'],
    });
    expect(article.body).not.toContain('BY ESTHER');
  });

  it('takes the publisher from the byline address, by the name the page shows for the site', () => {
    expect(article.publisher).toBe('Korea JoongAng Daily');
  });

  it('invents no date, dateline, agency or URL the text does not carry', () => {
    expect(article.dateline).toBeNull();
    expect(article.publishedAt).toBeNull();
    expect(article.publishedAtSource).toBeNull();
    expect(article.originatingAgency).toBeNull();
    expect(article.canonicalUrl).toBeNull();
  });

  it('still has no date when given a reference date, because there is no dateline to read it against', () => {
    const withReference = normalizeDocument(doc, { referenceDate: new Date('2025-01-07T00:00:00Z') });
    expect(withReference.publishedAt).toBeNull();
  });

  it('drops the print widget and the comment box with its character counter', () => {
    expect(article.body).not.toContain('print dictionary');
    expect(article.body).not.toContain('Log in to');
    expect(article.body).not.toContain('comments');
    expect(article.body).not.toContain('/250');
    expect(article.body).not.toContain('lock icon');
  });

  it('keeps the fourteen story paragraphs, no-break-space filler lines removed', () => {
    const paragraphs = article.body.split('\n\n');
    expect(paragraphs).toHaveLength(14);
    expect(article.body.startsWith('U.S. Secretary of State Antony Blinken condemned')).toBe(true);
    expect(article.body.endsWith('situation in the Middle East.')).toBe(true);
    expect(article.body).not.toMatch(/\u00a0/);
    for (const paragraph of paragraphs) expect(paragraph).not.toMatch(/\s{2,}|\n/);
  });

  it('detects English, counts words and hashes the body', () => {
    expect(article.language).toBe('en');
    expect(article.wordCount).toBe(567);
    expect(article.wordCount).toBe(article.body.match(/[\p{L}\p{N}]+/gu)?.length);
    expect(article.contentHash).toBe(sha256Hex(article.body));
    expect(article.contentHash).toBe('8f9d385c26d4b145695de8f5d183b658d4cf348e1d097fffe8bd05f755401bde');
  });
});
