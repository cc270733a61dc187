import type { AtomFeed, DcNs, RdfFeed, RssFeed } from 'feedsmith';
import { Parser } from 'htmlparser2';
import { parseFeedDate } from './feed-date';
import { xhtmlToHtml } from './feed-shapes/xhtml-content';

/** What one feed item carries, whatever the feed format. */
export interface ExtractedFeedItem {
  title: string | null;
  link: string | null;
  guid: string | null;
  /** Full content, else description/summary; HTML (text-only Atom content is escaped into HTML). */
  body: string;
  publishedAt: string | null;
  author: string | null;
  categories: string[];
}

type RssItem = RssFeed.Item<string>;
type AtomEntry = AtomFeed.Entry<string>;
type RdfItem = RdfFeed.Item<string>;

export function itemFromRss(item: RssItem, baseUrl: string | null): ExtractedFeedItem {
  const guid = text(item.guid?.value);
  const guidIsUrl = guid !== null && item.guid?.isPermaLink !== false && /^https?:\/\//i.test(guid);
  return {
    title: plainTitle(item.title) ?? plainTitle(item.dc?.titles?.[0]),
    link: absoluteUrl(text(item.link) ?? (guidIsUrl ? guid : null), baseUrl),
    guid,
    body: text(item.content?.encoded) ?? text(item.description) ?? firstText(item.dc?.descriptions) ?? '',
    publishedAt: firstDate(item.pubDate, ...dcDates(item.dc), item.atom?.published, item.atom?.updated),
    author: joinNames([...(item.authors ?? []).map(personName), ...(item.dc?.creators ?? [])]),
    categories: distinct([...(item.categories ?? []).map((category) => category.name), ...(item.dc?.subjects ?? [])]),
  };
}

export function itemFromAtom(entry: AtomEntry, feed: AtomFeed.Feed<string>, baseUrl: string | null): ExtractedFeedItem {
  // RFC 4287 §4.2.1: an entry without authors inherits its source's, else the feed's.
  const authors = nonEmpty(entry.authors) ?? nonEmpty(entry.source?.authors) ?? feed.authors ?? [];
  return {
    title: atomEntryTitle(entry.title),
    link: absoluteUrl(alternateLink(entry.links), baseUrl),
    guid: text(entry.id),
    body: atomHtml(entry.content?.src ? undefined : entry.content) ?? atomHtml(entry.summary) ?? '',
    publishedAt: firstDate(entry.published, entry.updated, ...dcDates(entry.dc)),
    author: joinNames([...authors.map((person) => person.name), ...(entry.dc?.creators ?? [])]),
    categories: distinct([
      ...(entry.categories ?? []).map((category) => category.label ?? category.term),
      ...(entry.dc?.subjects ?? []),
    ]),
  };
}

export function itemFromRdf(item: RdfItem, baseUrl: string | null): ExtractedFeedItem {
  const about = text(item.rdf?.about);
  return {
    title: plainTitle(item.title) ?? plainTitle(item.dc?.titles?.[0]),
    link: absoluteUrl(text(item.link) ?? about, baseUrl),
    guid: about,
    body: text(item.content?.encoded) ?? text(item.description) ?? firstText(item.dc?.descriptions) ?? '',
    publishedAt: firstDate(...dcDates(item.dc), ...(item.dcterms?.issued ?? []), ...(item.dcterms?.modified ?? [])),
    author: joinNames(item.dc?.creators ?? []),
    categories: distinct(item.dc?.subjects ?? []),
  };
}

/** The feed's own title as text. */
export function atomFeedTitle(title: AtomFeed.Text | undefined): string | null {
  if (!title) return null;
  if (isXhtml(title.type)) return plainTitle(htmlToText(xhtmlToHtml(title.value ?? '')));
  return plainTitle(isAtomMarkup(title.type) ? htmlToText(title.value ?? '') : title.value);
}

export function plainTitle(value: string | undefined | null): string | null {
  const collapsed = value?.replace(/\s+/g, ' ').trim();
  return collapsed || null;
}

function text(value: string | undefined | null): string | null {
  const trimmed = value?.trim();
  return trimmed || null;
}

/** The first value with text in it: Dublin Core elements repeat. */
function firstText(values: string[] | undefined): string | null {
  return (values ?? []).map(text).find((value) => value !== null) ?? null;
}

function nonEmpty<T>(values: T[] | undefined): T[] | undefined {
  return values && values.length > 0 ? values : undefined;
}

function dcDates(dc: DcNs.ItemOrFeed<string> | undefined): string[] {
  return dc?.dates ?? [];
}

function firstDate(...candidates: Array<string | undefined>): string | null {
  for (const candidate of candidates) {
    const parsed = parseFeedDate(candidate);
    if (parsed) return parsed;
  }
  return null;
}

function personName(person: RssFeed.Person): string | undefined {
  return person.name ?? person.email;
}

function joinNames(names: Array<string | undefined>): string | null {
  return distinct(names).join(', ') || null;
}

function distinct(values: Array<string | undefined>): string[] {
  const seen = new Set<string>();
  for (const value of values) {
    const cleaned = value?.replace(/\s+/g, ' ').trim();
    if (cleaned) seen.add(cleaned);
  }
  return [...seen];
}

/** The entry's alternate (HTML) link: rel="alternate" or no rel, preferring text/html. */
function alternateLink(links: Array<AtomFeed.Link<string>> | undefined): string | null {
  const alternates = (links ?? []).filter((link) => !link.rel || link.rel === 'alternate');
  const best = alternates.find((link) => !link.type || /html/i.test(link.type)) ?? alternates[0];
  return text(best?.href);
}

function absoluteUrl(href: string | null, baseUrl: string | null): string | null {
  if (!href || /^[a-z][a-z0-9+.-]*:/i.test(href) || !baseUrl) return href;
  try {
    return new URL(href, baseUrl).toString();
  } catch {
    return href;
  }
}

/**
 * An entry's title as the item title: as text, or as HTML for an html or xhtml title (written as
 * HTML), which the normalizer reads as it reads all markup (scripts and styles dropped, `&lt;`
 * kept as the '<' it shows).
 */
function atomEntryTitle(title: AtomFeed.Text | undefined): string | null {
  if (!title) return null;
  if (isBase64Media(title.type)) return plainTitle(escapeHtml(textFromBase64(title.value) ?? ''));
  return plainTitle(isXhtml(title.type) ? xhtmlToHtml(title.value ?? '') : title.value);
}

/** Atom text constructs as HTML: html as given, xhtml written as HTML (its <div> wrapper gone), plain text escaped. */
function atomHtml(construct: { value?: string; type?: string } | undefined): string | null {
  const value = text(construct?.value);
  if (!value) return null;
  if (isXhtml(construct?.type)) return text(xhtmlToHtml(value));
  if (isBase64Media(construct?.type)) return text(escapeHtml(textFromBase64(value) ?? ''));
  return isAtomMarkup(construct?.type) ? value : escapeHtml(value);
}

/**
 * RFC 4287 §4.1.3.3: content of a media type that is neither text nor XML is base64 encoded.
 * Its letters are no story text; what they decode to is, when that is UTF-8 text.
 */
function isBase64Media(type: string | undefined): boolean {
  const mediaType = type?.split(';')[0]?.trim().toLowerCase() ?? '';
  return mediaType.includes('/') && !/^text\/|[/+]xml$/.test(mediaType);
}

/** The text base64 encodes, or null when it is not base64 of UTF-8 text. */
function textFromBase64(value: string | undefined): string | null {
  const compact = value?.replace(/\s+/g, '') ?? '';
  if (!/^[A-Za-z0-9+/]+=*$/.test(compact)) return null;
  const decoded = Buffer.from(compact, 'base64').toString('utf8');
  // eslint-disable-next-line no-control-regex -- binary media shows as replacement and control characters
  return /[\ufffd\u0000-\u0008\u000e-\u001f]/.test(decoded) ? null : decoded;
}

function isXhtml(type: string | undefined): boolean {
  return /^(xhtml|application\/xhtml\+xml)$/i.test(type?.trim() ?? '');
}

function isAtomMarkup(type: string | undefined): boolean {
  return /^(html|xhtml|text\/html|application\/xhtml\+xml)$/i.test(type?.trim() ?? '');
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Elements whose content is not text a reader sees. */
const NOT_TEXT_ELEMENTS = new Set(['script', 'style', 'template', 'noscript']);

/** The text an HTML fragment shows: references decoded, scripts and styles left out. */
function htmlToText(html: string): string {
  const parts: string[] = [];
  let hidden = 0;
  const parser = new Parser(
    {
      onopentag: (name) => void (NOT_TEXT_ELEMENTS.has(name) && hidden++),
      onclosetag: (name) => void (NOT_TEXT_ELEMENTS.has(name) && (hidden = Math.max(0, hidden - 1))),
      ontext: (data) => void (hidden === 0 && parts.push(data)),
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return parts.join('');
}
