import type { ArticleTable } from '@wirestream/contracts';
import type { CheerioAPI } from 'cheerio';
import { parseAuthorField, parseBylineLine, type ParsedByline } from './byline';
import { blockText, descendants, findWithin, inlineText, type ElementNode } from './dom';
import { readJsonLdArticle } from './json-ld';
import { extractMainContent } from './main-content';
import { assertParseableMarkup } from './markup-limits';
import { takeDataTables } from './html-tables';
import { MEDIA_TAGS, parseMarkup, readCaptions, removeDroppedElements } from './markup-text';
import { toIsoDate } from './published-date';
import { publisherFromIdentity } from './site-identity';
import { collapseWhitespace, comparisonKey } from './text-cleanup';

/**
 * A news web page read with cheerio: metadata from <meta>, JSON-LD and semantic markup, and the
 * story's text from the main content with page furniture taken out. The text then goes through
 * the same plain-text rules as wire copy (dateline, trailers, bylines, captions). The story's
 * markup is read to text by the rules feed item content is (markup-text.ts, dom.ts): one set of
 * dropped elements, one of block elements.
 */

export interface PageFacts {
  headline: string | null;
  subheadline: string | null;
  canonicalUrl: string | null;
  publishedAt: string | null;
  publisher: string | null;
  section: string | null;
  byline: ParsedByline | null;
  captions: string[];
  /** The main content as text, paragraphs separated by blank lines. */
  bodyText: string;
  /** The main content's data tables as rows of cells, not in `bodyText`. */
  tables: ArticleTable[];
}

const SUBHEADLINE_SELECTOR =
  '[itemprop=alternativeHeadline], .subheadline, .sub-headline, .subhead, .subtitle, .dek, .deck, .standfirst, .article-subtitle, .article__subtitle';
const BYLINE_SELECTOR = '.byline, [class*=byline], [rel=author], [itemprop=author]';
export function readHtmlPage(html: string, documentUri: string): PageFacts {
  assertParseableMarkup(html, documentUri);
  const $ = parseMarkup(html);
  const page = new PageIndex($);

  const jsonLd = readJsonLdArticle(
    page
      .select('script', '[type="application/ld+json"]')
      .map((element) => $(element).text()),
  );
  const siteName = metaContent($, page, '[property="og:site_name"]');
  const byline = pageByline($, page, jsonLd?.authorNames ?? []);
  const publisher = siteName ?? jsonLd?.publisherName ?? pagePublisher($, page, documentUri, byline);
  const headline =
    withoutSiteSuffix(metaContent($, page, '[property="og:title"], [name="og:title"]'), publisher) ??
    firstText(page.byTag('h1')) ??
    jsonLd?.headline ??
    withoutSiteSuffix(firstText(page.byTag('title')), publisher);
  const subheadline = firstText(page.select('*', SUBHEADLINE_SELECTOR));

  const facts = {
    headline,
    subheadline: subheadline && comparisonKey(subheadline) !== comparisonKey(headline ?? '') ? subheadline : null,
    canonicalUrl: canonicalUrl($, page, documentUri),
    publishedAt: publishedAt($, page, jsonLd?.datePublished ?? null),
    publisher,
    section: metaContent($, page, '[property="article:section"], [name="article:section"]') ?? jsonLd?.section ?? null,
    byline,
  };

  const root = $.root().get(0);
  const story = root ? extractMainContent(root) : [];
  for (const element of story) removeDroppedElements($, element);
  const captions = story.flatMap((element) => readCaptions($, element));
  for (const element of story) {
    $(findWithin($, element, `${MEDIA_TAGS}, h1, ${SUBHEADLINE_SELECTOR}, ${BYLINE_SELECTOR}`)).remove();
  }
  const tables = story.flatMap((element) => takeDataTables($, element));
  return { ...facts, captions, tables, bodyText: story.map((element) => blockText(element)).join('\n\n') };
}

/**
 * The page's elements, indexed by tag in one walk. Each cheerio query walks the whole document;
 * dozens of them over a large page add up to seconds, while filtering a short list of <meta>s or
 * <p>s costs next to nothing.
 */
class PageIndex {
  private readonly tags = new Map<string, ElementNode[]>();
  readonly all: ElementNode[];

  constructor(private readonly $: CheerioAPI) {
    const root = $.root().get(0);
    this.all = root ? descendants(root) : [];
    for (const element of this.all) {
      const name = element.name.toLowerCase();
      const list = this.tags.get(name);
      if (list) list.push(element);
      else this.tags.set(name, [element]);
    }
  }

  byTag(name: string): ElementNode[] {
    return this.tags.get(name) ?? [];
  }

  /** Elements with this tag ('*' for any) that match the selector, in document order. */
  select(tag: string, selector: string): ElementNode[] {
    const candidates = tag === '*' ? this.all : this.byTag(tag);
    return candidates.length > 0 ? this.$(candidates).filter(selector).toArray() : [];
  }
}

/** The publisher from the page's own identity when no markup names it (site-identity.ts). */
function pagePublisher($: CheerioAPI, page: PageIndex, documentUri: string, byline: ParsedByline | null): string | null {
  const logoAlts = page
    .byTag('img')
    .filter((img) => /logo/i.test(`${img.attribs['class'] ?? ''} ${img.attribs['id'] ?? ''} ${img.attribs['src'] ?? ''} ${namesOf(img.parent)} ${namesOf(img.parent?.parent)}`))
    .map((img) => collapseWhitespace(img.attribs['alt'] ?? ''))
    .filter(Boolean);
  const notices = [...page.byTag('footer'), ...page.select('*', '[class*=copyright i], [id*=copyright i], [class*=footer i], [id*=footer i]')];
  return publisherFromIdentity({
    url: /^https?:\/\//i.test(documentUri) ? documentUri : canonicalUrl($, page, documentUri),
    applicationName: metaContent($, page, '[name="application-name"]'),
    title: firstText(page.byTag('title')),
    logoAlts,
    copyrightText: notices.map((element) => inlineText(element)).join('\n'),
    emails: byline?.byline.emails ?? [],
    text: () => page.byTag('body').map((element) => blockText(element)).join('\n'),
  });
}

function namesOf(node: unknown): string {
  const attribs = (node as { attribs?: Record<string, string> } | null | undefined)?.attribs;
  return attribs ? `${attribs['class'] ?? ''} ${attribs['id'] ?? ''}` : '';
}

function metaContent($: CheerioAPI, page: PageIndex, selector: string): string | null {
  for (const element of page.select('meta', selector)) {
    const content = collapseWhitespace($(element).attr('content') ?? '');
    if (content) return content;
  }
  return null;
}

function firstText(elements: readonly ElementNode[]): string | null {
  for (const element of elements) {
    const text = inlineText(element);
    if (text) return text;
  }
  return null;
}

/** "Blinken visits Seoul | The Daily" → "Blinken visits Seoul", when "The Daily" is the site. */
function withoutSiteSuffix(title: string | null, siteName: string | null): string | null {
  if (!title) return null;
  if (!siteName) return title;
  const suffix = new RegExp(`\\s+[|\\-–—:·]\\s+${siteName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'i');
  return title.replace(suffix, '').trim() || title;
}

function canonicalUrl($: CheerioAPI, page: PageIndex, documentUri: string): string | null {
  const canonicalLink = page.select('link', '[rel="canonical"]')[0];
  const href = (canonicalLink ? $(canonicalLink).attr('href')?.trim() : undefined) || metaContent($, page, '[property="og:url"]');
  if (!href) return null;
  try {
    return new URL(href, /^https?:\/\//i.test(documentUri) ? documentUri : undefined).toString();
  } catch {
    return href; // Relative, and the page came from a file: keep what the page says.
  }
}

function publishedAt($: CheerioAPI, page: PageIndex, jsonLdDate: string | null): string | null {
  const times = page.select('time', '[datetime]');
  const datetime = (elements: readonly ElementNode[]): string | null => (elements[0] ? ($(elements[0]).attr('datetime') ?? null) : null);
  const candidates = [
    metaContent($, page, '[property="article:published_time"], [name="article:published_time"]'),
    metaContent($, page, '[itemprop="datePublished"]'),
    jsonLdDate,
    metaContent($, page, '[name="pubdate"], [name="publishdate"], [name="dc.date.issued"], [name="DC.date.issued"], [name="parsely-pub-date"]'),
    datetime($(times).filter('[itemprop="datePublished"], [pubdate]').toArray()),
    datetime($(times).filter('article time').toArray()),
    datetime(times),
  ];
  for (const candidate of candidates) {
    const iso = toIsoDate(candidate);
    if (iso) return iso;
  }
  return null;
}

function pageByline($: CheerioAPI, page: PageIndex, jsonLdAuthors: readonly string[]): ParsedByline | null {
  const bylineElement = $(page.select('*', '.byline, [class*=byline]')).first();
  if (bylineElement.length > 0) {
    const mailtoLinks = findWithin($, bylineElement.get(0)!, 'a[href^="mailto:"]');
    const mailto = mailtoLinks
      .map((link) => ($(link).attr('href') ?? '').replace(/^mailto:/i, '').split('?')[0] ?? '')
      .filter((email) => email.includes('@'));
    // A mailto link's label ("Email", "Contact") is not part of anyone's name; its address is kept.
    const withoutMailLabels = bylineElement.clone();
    $(findWithin($, withoutMailLabels.get(0)!, 'a[href^="mailto:"]')).remove();
    const text = inlineText(withoutMailLabels.get(0)!);
    const parsed = parseBylineLine(text) ?? parseAuthorField(text);
    if (parsed) {
      const emails = [...new Set([...parsed.byline.emails, ...mailto])];
      return { ...parsed, byline: { ...parsed.byline, emails } };
    }
  }
  const authorLinks = page
    .select('*', '[rel=author], [itemprop=author]')
    .map((element) => inlineText(element))
    .filter((text) => text.length > 0);
  const candidates = [
    authorLinks.length > 0 ? [...new Set(authorLinks)].join(', ') : null,
    metaContent($, page, '[name="author"], [property="article:author"]'),
    jsonLdAuthors.length > 0 ? jsonLdAuthors.join(', ') : null,
  ];
  for (const candidate of candidates) {
    // article:author is often a profile URL, which names no one.
    if (!candidate || /^https?:\/\//i.test(candidate)) continue;
    const parsed = parseAuthorField(candidate);
    if (parsed) return parsed;
  }
  return null;
}
