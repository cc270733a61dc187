import { mentionsCorrection, pubStatusOf, versionNumber, wireStatus } from '../wire-status';
import type { ArticleTable } from '@wirestream/contracts';
import { readNitf } from './nitf';
import { tablesIn } from './xml-tables';
import { distinct, parseUrgency, parseWireDate, type WirePackage, type WireStory } from './wire-story';
import { attribute, child, childrenNamed, descendant, descendants, isElement, paragraphsOf, path, textOf, type XmlElement } from './xml-tree';

export interface NewsMlG2Reading {
  /** newsItems with text content, in document order. */
  stories: WireStory[];
  packages: WirePackage[];
  /** Items left out, with the reason (pictures, items without inline text, concept items). */
  skipped: string[];
}

/** XHTML body parts that are navigation or metadata rather than copy (dpa's slugline header). */
const XHTML_NON_COPY = new Set(['header']);

/**
 * An IPTC NewsML-G2 document — a newsMessage with an itemSet, or a lone newsItem or packageItem —
 * read into its text stories and its packages. A package's references are kept in order, each
 * marked whether the referenced item travels in this message (then it is one of the stories).
 */
export function readNewsMlG2(root: XmlElement): NewsMlG2Reading {
  const items = root.name === 'newsMessage' ? (child(root, 'itemSet')?.children.filter(isElement) ?? []) : [root];
  const stories: WireStory[] = [];
  const skipped: string[] = [];
  const packageElements: XmlElement[] = [];
  for (const item of items) {
    if (item.name === 'packageItem') packageElements.push(item);
    else if (item.name === 'newsItem') {
      const story = readNewsItem(item);
      // A text item with a headline and no body is a FLASH or BULLETIN: a story all the same.
      if (story.body || (story.headline && isTextItem(item))) stories.push(story);
      else skipped.push(`newsItem ${story.guid ?? '(no guid)'}: no inline text content (${attribute(path(item, 'itemMeta', 'itemClass'), 'qcode') ?? 'unknown class'})`);
    } else skipped.push(`${item.name} ${attribute(item, 'guid') ?? ''}: not a news or package item`.replace('  ', ' '));
  }
  const included = new Set(stories.map((story) => story.guid).filter(Boolean));
  const packages = packageElements.map((element): WirePackage => ({
    guid: attribute(element, 'guid'),
    headline: textOf(path(element, 'contentMeta', 'headline')),
    items: descendants(child(element, 'groupSet'), 'itemRef').flatMap((ref) => {
      const guid = attribute(ref, 'residref');
      return guid ? [{ guid, version: attribute(ref, 'version'), headline: textOf(child(ref, 'headline')), included: included.has(guid) }] : [];
    }),
  }));
  return { stories, packages, skipped };
}

function readNewsItem(item: XmlElement): WireStory {
  const itemMeta = child(item, 'itemMeta');
  const contentMeta = child(item, 'contentMeta');
  const content = readContentSet(child(item, 'contentSet'));
  const nitf = content.nitf;

  const headlines = childrenNamed(contentMeta, 'headline');
  const mainHeadline = headlines.find((headline) => !attribute(headline, 'role') || /main|hl1/i.test(attribute(headline, 'role')!)) ?? headlines[0];
  const subHeadline = headlines.find((headline) => /sub|hl2/i.test(attribute(headline, 'role') ?? ''));
  const headline = textOf(mainHeadline) ?? nitf?.headline ?? null;
  // NewsML-G2 2.28 added a <subheadline> element beside <headline role="…subHeadline">.
  const subheadline = textOf(subHeadline) ?? textOf(child(contentMeta, 'subheadline'));

  const guid = attribute(item, 'guid');
  return {
    guid,
    version: attribute(item, 'version'),
    headline,
    subheadline: subheadline ?? (nitf?.subheadline !== headline ? (nitf?.subheadline ?? null) : null),
    byline: textOf(child(contentMeta, 'by')) ?? nitf?.byline ?? null,
    dateline: textOf(child(contentMeta, 'dateline')) ?? textOf(path(contentMeta, 'located', 'name')) ?? nitf?.dateline ?? null,
    publishedAt:
      parseWireDate(textOf(child(itemMeta, 'firstCreated'))) ??
      parseWireDate(textOf(child(contentMeta, 'contentCreated'))) ??
      parseWireDate(textOf(child(itemMeta, 'versionCreated'))) ??
      nitf?.publishedAt ??
      null,
    updatedAt: parseWireDate(textOf(child(itemMeta, 'versionCreated'))) ?? parseWireDate(textOf(child(contentMeta, 'contentModified'))),
    language: attribute(child(contentMeta, 'language'), 'tag') ?? attribute(item, 'lang') ?? nitf?.language ?? null,
    keywords: distinct([
      ...childrenNamed(contentMeta, 'keyword').map((keyword) => textOf(keyword)),
      ...childrenNamed(contentMeta, 'subject').map((subject) => textOf(child(subject, 'name'))),
    ]),
    body: content.body,
    tables: content.tables,
    urgency: parseUrgency(textOf(child(contentMeta, 'urgency'))) ?? nitf?.urgency ?? null,
    wire: readItemStatus(item, itemMeta, guid),
  };
}

/**
 * itemMeta's pubStatus (stat:usable, stat:withheld, stat:canceled), embargoed (a date-time), the
 * item's version attribute, signals (sig:correction) and edNote (a kill's reason, or a correction).
 */
function readItemStatus(item: XmlElement, itemMeta: XmlElement | null, guid: string | null): WireStory['wire'] {
  const pubStatus = pubStatusOf(attribute(child(itemMeta, 'pubStatus'), 'qcode')) ?? 'usable';
  const edNote = textOf(child(itemMeta, 'edNote'));
  const signals = childrenNamed(itemMeta, 'signal').map((signal) => [attribute(signal, 'qcode'), attribute(signal, 'uri'), textOf(child(signal, 'name'))].filter(Boolean).join(' '));
  return wireStatus({
    agencyItemId: guid,
    version: versionNumber(attribute(item, 'version')),
    pubStatus,
    statusNote: pubStatus === 'usable' ? null : edNote,
    embargoedUntil: parseWireDate(textOf(child(itemMeta, 'embargoed'))),
    correction: mentionsCorrection(edNote, ...signals),
  });
}

/** Whether a newsItem is text (itemClass ninat:text, or no class stated), not a picture or video. */
function isTextItem(item: XmlElement): boolean {
  const itemClass = attribute(path(item, 'itemMeta', 'itemClass'), 'qcode');
  return !itemClass || /:text$/.test(itemClass);
}

/** The item's text: an inline NITF or XHTML document, else inline plain text; remote content is not fetched. */
function readContentSet(contentSet: XmlElement | null): { body: string; tables: ArticleTable[]; nitf: WireStory | null } {
  for (const inline of childrenNamed(contentSet, 'inlineXML')) {
    const nitfElement = descendant(inline, 'nitf');
    if (nitfElement) {
      const nitf = readNitf(nitfElement);
      if (nitf.body || nitf.tables.length > 0) return { body: nitf.body, tables: nitf.tables, nitf };
    }
    const html = descendant(inline, 'html');
    const bodyElement = html ? child(html, 'body') : null;
    const paragraphs = paragraphsOf(bodyElement ?? inline, XHTML_NON_COPY);
    const tables = tablesIn(bodyElement ?? inline);
    if (paragraphs.length > 0 || tables.length > 0) return { body: paragraphs.join('\n\n'), tables, nitf: null };
  }
  for (const inline of childrenNamed(contentSet, 'inlineData')) {
    const type = attribute(inline, 'contenttype') ?? 'text/plain';
    if (!type.startsWith('text/')) continue;
    const text = (textOf(inline) === null ? '' : inline.children.filter((node) => typeof node === 'string').join('')).trim();
    if (text) return { body: text.replace(/\r\n?/g, '\n'), tables: [], nitf: null };
  }
  return { body: '', tables: [], nitf: null };
}
