import { sha256Hex, UnprocessableDocumentError, type NormalizedArticle, type RawDocumentV1 } from '@wirestream/contracts';
import * as cheerio from 'cheerio';
import { detect } from 'tinyld';

export const NORMALIZER_VERSION = '0.1.0';

const MONTHS = 'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?';
const SYNDICATION_HEADER = /^\s*date (\d{4}-\d{2}-\d{2}) \((MENAFN)- ([^\n]{1,120}?\)?)\)\s*/;
const DATELINE = new RegExp(
  `^([A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*){0,3}(?:, [A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){0,2})?)(?:, ((?:${MONTHS})\\.? \\d{1,2}))? \\(([A-Za-z][A-Za-z .-]{0,30})\\) ?(?:--|—|–|-) ?`,
);
const END_MARK = /\s*(?:\(end\)|\(END\)|-- ?END ?--|###)\s*$/;
const BYLINE = /^By ([A-Z][\p{L}.' -]{1,80}?)(?: \[([^\]\s]+@[^\]\s]+)\])?$/iu;
const OPERATOR_INITIALS = /^[a-z]{1,3}$/;
const BREADCRUMBS = /^Home(?: > [^>\n]{1,40})+$/;
const CAPTION_CREDIT = /\[([A-Z][A-Z ]{1,20})\]\s*$/;
const DEBRIS = /^(?:print dictionary print|print|share|Log in to .*|with the .*|help-image.*|s|lock icon|To write comments.*|Standards Board Policy.*)$/i;
const ID_LINE = /^[A-Z]{2,}[0-9]{10,}[A-Z0-9]*$/;
const CREDIT_REPORTED = /,? ((?:[A-Z][a-z]+ )*(?:News )?Agency|Reuters|AP|AFP|Yonhap|Xinhua|Kyodo) reported\b/g;

export function normalizeDocument(doc: RawDocumentV1): NormalizedArticle {
  const page = doc.format === 'wire-text' ? null : readHtml(doc.body);
  let text = page ? page.text : doc.body;
  let publisher = page?.publisher ?? null;
  let originatingAgency: string | null = null;
  let publishedAt: string | null = doc.feedItem?.publishedAt ?? page?.publishedAt ?? null;
  let publishedAtSource: NormalizedArticle['publishedAtSource'] = doc.feedItem?.publishedAt ? 'feed' : page?.publishedAt ? 'html-meta' : null;

  const header = SYNDICATION_HEADER.exec(text);
  if (header) {
    publisher = header[2];
    originatingAgency = header[3];
    if (!publishedAt) [publishedAt, publishedAtSource] = [header[1], 'syndication-header'];
    text = text.slice(header[0].length);
  }
  const paragraphs = splitParagraphs(text);
  let headline = doc.feedItem?.title ?? page?.headline ?? null;
  let section = page?.section ?? null;
  const captions: string[] = [...(page?.captions ?? [])];
  const credits = new Set<string>();
  let byline: NormalizedArticle['byline'] = page?.byline ? { text: page.byline, names: [page.byline], emails: [] } : doc.feedItem?.author ? { text: doc.feedItem.author, names: [doc.feedItem.author], emails: [] } : null;
  const body: string[] = [];
  for (const [index, paragraph] of paragraphs.entries()) {
    if (BREADCRUMBS.test(paragraph)) {
      section = paragraph.split(' > ').slice(1).join(' > ');
      continue;
    }
    if (DEBRIS.test(paragraph) || ID_LINE.test(paragraph) || OPERATOR_INITIALS.test(paragraph)) continue;
    // A short first line without closing punctuation, before the story, is the page's headline.
    if (index === 0 && !header && doc.format === 'wire-text' && !/[.!?"”]$/.test(paragraph) && paragraph.length < 160 && paragraphs.length > 2) {
      headline ??= paragraph;
      continue;
    }
    if (headline && paragraph === headline) continue;
    const credit = CAPTION_CREDIT.exec(paragraph);
    if (credit) {
      credits.add(readableAgency(credit[1]));
      if (!captions.includes(paragraph)) captions.push(paragraph);
      continue;
    }
    const bylineMatch = body.length > 0 ? BYLINE.exec(paragraph) : null;
    if (bylineMatch) {
      byline = { text: bylineMatch[0], names: splitNames(bylineMatch[1]), emails: bylineMatch[2] ? [bylineMatch[2]] : [] };
      break; // what follows a byline at the foot of a page is page furniture: sharing, comments
    }
    body.push(paragraph.replace(END_MARK, ''));
    if (END_MARK.test(paragraph)) break;
  }
  let dateline: NormalizedArticle['dateline'] = null;
  if (body.length > 0) {
    const match = DATELINE.exec(body[0]);
    if (match) {
      dateline = { place: match[1], dateText: match[2] ?? null, agency: match[3] };
      body[0] = body[0].slice(match[0].length);
      originatingAgency ??= match[3];
    }
  }
  const bodyText = body.join('\n\n').trim();
  if (!bodyText) throw new UnprocessableDocumentError(`${doc.documentUri}: no body text after cleaning`);
  for (const match of bodyText.matchAll(CREDIT_REPORTED)) credits.add(match[1]);
  return {
    articleId: doc.articleId,
    sourceId: doc.source.id,
    documentUri: doc.documentUri,
    canonicalUrl: page?.canonicalUrl ?? doc.feedItem?.link ?? null,
    fetchedAt: doc.fetchedAt,
    headline,
    subheadline: null,
    dateline,
    byline,
    publishedAt,
    publishedAtSource,
    publisher,
    originatingAgency,
    credits: [...credits],
    section,
    language: bodyText.length >= 20 ? detect(bodyText) || null : null,
    body: bodyText,
    captions,
    wordCount: bodyText.match(/[\p{L}\p{N}]+/gu)?.length ?? 0,
    contentHash: sha256Hex(bodyText),
    normalizerVersion: NORMALIZER_VERSION,
  };
}

function readHtml(html: string) {
  const $ = cheerio.load(html);
  const meta = (name: string) => $(`meta[property="${name}"], meta[name="${name}"]`).attr('content')?.trim() || null;
  const captions = $('figcaption').map((_, el) => $(el).text().trim()).get();
  $('script, style, nav, header, footer, aside, figure, form, button, .share, .related, .comments').remove();
  const container = $('article').first().length ? $('article').first() : $('main').first().length ? $('main').first() : $('body');
  const headline = meta('og:title') ?? ($('h1').first().text().trim() || null);
  const byline = $('[rel=author]').first().text().trim() || meta('author');
  container.find('h1, .byline').remove();
  const paragraphs = container.find('p').map((_, el) => $(el).text().trim()).get();
  const text = (paragraphs.length ? paragraphs : [container.text()]).join('\n\n');
  return {
    text,
    headline,
    byline: byline || null,
    captions,
    publisher: meta('og:site_name'),
    publishedAt: meta('article:published_time'),
    canonicalUrl: $('link[rel=canonical]').attr('href') ?? meta('og:url'),
    section: meta('article:section'),
  };
}

function readableAgency(credit: string): string {
  const known: Record<string, string> = { YONHAP: 'Yonhap', REUTERS: 'Reuters', XINHUA: 'Xinhua', KYODO: 'Kyodo', AP: 'AP', AFP: 'AFP' };
  return known[credit] ?? titleCase(credit);
}

function titleCase(text: string): string {
  return text.toLowerCase().replace(/(^|\s)\p{L}/gu, (letter) => letter.toUpperCase());
}

/**
 * Paragraphs are separated by blank lines; within a block, a line that is a byline starts its own
 * paragraph, because web-page copy often runs the byline straight into the comment box below it.
 */
function splitParagraphs(text: string): string[] {
  return text
    .split(/\n[ \t\u00a0]*\n/)
    .flatMap((block) => {
      const lines = block.split('\n');
      const bylineAt = lines.findIndex((line) => BYLINE.test(line.trim()));
      return bylineAt > 0 ? [lines.slice(0, bylineAt).join(' '), ...lines.slice(bylineAt).map((line) => line)] : bylineAt === 0 ? lines : [block];
    })
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

function splitNames(names: string): string[] {
  return names
    .split(/,| and /i)
    .map((name) => name.trim())
    .filter(Boolean)
    .map((name) => (name === name.toUpperCase() ? titleCase(name) : name));
}
