import type { ArticleTable } from '@wirestream/contracts';
import { DomUtils, parseDocument } from 'htmlparser2';
import { MAX_TREE_DEPTH, nestsDeeperThan } from '../feed-shapes/xml-dom';
import { announcesKill, mentionsCorrection, pubStatusOf, versionNumber, wireStatus } from '../wire-status';
import { readNitf } from './nitf';
import { tablesIn } from './xml-tables';
import { distinct, parseUrgency, parseWireDate, type WireStory } from './wire-story';
import { attribute, child, childrenNamed, descendant, isElement, paragraphsOf, path, textOf, type XmlElement, type XmlNode } from './xml-tree';

export interface NewsMl12Reading {
  /** NewsItems with text (or a headline alone), in document order. */
  stories: WireStory[];
  /** NewsItems left out, with the reason (pictures and other media, updates of parts, nothing to read). */
  skipped: string[];
}

/** A ContentItem and the NewsComponents that hold it, outermost first. */
interface PlacedContent {
  item: XmlElement;
  components: XmlElement[];
}

/** What a text ContentItem's DataContent reads to. */
interface ContentReading {
  body: string;
  tables: ArticleTable[];
  /** The NITF document it carried, when it carried one (its head may hold a headline, dates, urgency). */
  nitf: WireStory | null;
}

/** A dateline's trailing separator ("STOCKHOLM, Aug 29, 2014 (AFP) -"): it belongs to the copy, not the dateline. */
const DATELINE_SEPARATOR = /\s*(?:-{1,3}|[—–―])\s*$/u;
/** Tags that show text in a DataContent is escaped (or CDATA) HTML rather than plain copy. */
const HTML_TAG = /<\/?(?:p|br|div|span|b|i|em|strong|a|body|html|h[1-6]|ul|ol|li|table|tr|td|blockquote)\b[^<>]*>/i;
// eslint-disable-next-line no-control-regex -- C0/C1 controls (other than tab and newline) are never copy
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * An IPTC NewsML 1.2 message (<NewsML>: a NewsEnvelope, then one or more NewsItems) read into its
 * text stories. Each NewsItem is one story: its identity and revision from Identification/NewsIdentifier,
 * its dates, status and urgency from NewsManagement, its headline, subheadline, byline and dateline
 * from the NewsLines of its NewsComponents (outermost first, then the NITF head it may carry), and its
 * copy from the first text ContentItem that is not a caption: inline NITF, XHTML, escaped HTML or
 * plain text in DataContent. Items whose content is only pictures, graphics, audio or video (a
 * caption at most), updates of parts of an earlier revision, and items with nothing to read are
 * skipped, each named with the reason. Content given only by reference (Href) is not fetched.
 */
export function readNewsMl12(root: XmlElement): NewsMl12Reading {
  const items = root.name === 'NewsItem' ? [root] : childrenNamed(root, 'NewsItem');
  const stories: WireStory[] = [];
  const skipped: string[] = [];
  if (items.length === 0) skipped.push(`NewsML message with no NewsItem`);
  for (const item of items) {
    const reading = readNewsItem(item);
    if ('story' in reading) stories.push(reading.story);
    else skipped.push(reading.skipped);
  }
  return { stories, skipped };
}

function readNewsItem(item: XmlElement): { story: WireStory } | { skipped: string } {
  const identifier = path(item, 'Identification', 'NewsIdentifier');
  const version = textOf(child(identifier, 'RevisionId'));
  const guid = guidOf(identifier, version);
  const label = `NewsItem ${guid ?? '(no identifier)'}`;
  const management = child(item, 'NewsManagement');
  const top = child(item, 'NewsComponent');
  if (!top) {
    const why = child(item, 'Update') ? 'an update of parts of an earlier revision, which is not applied' : 'no NewsComponent';
    return { skipped: `${label}: ${why}` };
  }

  const contents = contentItemsIn(top, []);
  const textContents = contents.filter((content) => isTextContent(content.item) && !isCaptionContent(content));
  let chosen: (PlacedContent & ContentReading) | null = null;
  for (const content of textContents) {
    const reading = readContentItem(content.item);
    if (reading.body || reading.tables.length > 0 || reading.nitf?.headline) {
      chosen = { ...content, ...reading };
      break;
    }
  }
  const otherMedia = contents.filter((content) => !isTextContent(content.item));
  if (!chosen?.body && !chosen?.tables.length && otherMedia.length > 0) {
    // A picture (or graphic, video…) with its headline and caption: not a story.
    return { skipped: `${label}: no text content (${distinct(otherMedia.map((content) => mediaTypeOf(content.item))).join(', ')})` };
  }

  const nitf = chosen?.nitf ?? null;
  // NewsLines and metadata of the components holding the copy, outermost (the item's own) first.
  const components = chosen?.components ?? [top];
  const newsLines = components.map((component) => child(component, 'NewsLines')).filter((lines): lines is XmlElement => !!lines);
  const descriptive = components.map((component) => child(component, 'DescriptiveMetadata')).filter((metadata): metadata is XmlElement => !!metadata);
  const line = (name: string): string | null => firstOf(newsLines.map((lines) => textOf(child(lines, name))));

  const headline = line('HeadLine') ?? nitf?.headline ?? null;
  const subheadline = line('SubHeadLine') ?? nitf?.subheadline ?? null;
  const body = chosen?.body ?? '';
  const tables = chosen?.tables ?? [];
  if (!body && !headline && tables.length === 0) return { skipped: `${label}: neither a headline nor text content` };

  const bylines = newsLines.flatMap((lines) => childrenNamed(lines, 'ByLine').map((byline) => textOf(byline)));
  const byline = distinct([...bylines, line('ByLineTitle')]).join(', ') || nitf?.byline || null;
  const dateline = line('DateLine')?.replace(DATELINE_SEPARATOR, '') || nitf?.dateline || null;
  const firstCreated = parseWireDate(textOf(child(management, 'FirstCreated')));
  const revisionCreated = parseWireDate(textOf(child(management, 'ThisRevisionCreated')));

  return {
    story: {
      guid,
      version,
      headline,
      subheadline: subheadline && subheadline !== headline ? subheadline : null,
      byline,
      dateline,
      publishedAt: firstCreated ?? revisionCreated ?? nitf?.publishedAt ?? null,
      updatedAt: revisionCreated,
      language:
        firstOf(descriptive.map((metadata) => attribute(child(metadata, 'Language'), 'FormalName'))) ??
        attribute(item, 'lang') ??
        firstOf(newsLines.map((lines) => attribute(child(lines, 'HeadLine'), 'lang'))) ??
        nitf?.language ??
        null,
      keywords: distinct([
        ...descriptive.flatMap((metadata) =>
          childrenNamed(metadata, 'Property')
            .filter((property) => attribute(property, 'FormalName')?.toLowerCase() === 'keyword')
            .map((property) => attribute(property, 'Value')),
        ),
        ...newsLines.flatMap((lines) => childrenNamed(lines, 'KeywordLine').map((keywordLine) => textOf(keywordLine))),
        ...(nitf?.keywords ?? []),
      ]),
      body,
      tables,
      urgency: parseUrgency(attribute(child(management, 'Urgency'), 'FormalName')) ?? nitf?.urgency ?? null,
      wire: readManagementStatus(management, guid, version),
    },
  };
}

/**
 * NewsManagement's Status (Usable, Embargoed, Withheld, Canceled); for an embargoed item, the time
 * of StatusWillChange (its FutureStatus usable); Instructions that kill ('Kill', 'Withdraw') or
 * correct ('Correction', 'Rectify'); RevisionId as the version.
 */
function readManagementStatus(management: XmlElement | null, guid: string | null, revision: string | null): WireStory['wire'] {
  const status = attribute(child(management, 'Status'), 'FormalName');
  const instructions = childrenNamed(management, 'Instruction').map((instruction) => attribute(instruction, 'FormalName') ?? textOf(instruction) ?? '');
  const killedBy = instructions.find((instruction) => announcesKill(instruction) || pubStatusOf(instruction) === 'canceled');
  const pubStatus = killedBy ? 'canceled' : (pubStatusOf(status) ?? 'usable');
  const change = child(management, 'StatusWillChange');
  const futureStatus = attribute(child(change, 'FutureStatus'), 'FormalName');
  const embargoed = /embargoed/i.test(status ?? '') && (!futureStatus || pubStatusOf(futureStatus) === 'usable');
  return wireStatus({
    agencyItemId: guid,
    version: versionNumber(revision),
    pubStatus,
    statusNote: pubStatus === 'usable' ? null : (killedBy ?? null),
    embargoedUntil: embargoed ? parseWireDate(textOf(child(change, 'DateAndTime'))) : null,
    correction: instructions.some((instruction) => mentionsCorrection(instruction) || /rectif/i.test(instruction)),
  });
}

/**
 * The item's identity across revisions. A PublicIdentifier is `urn:newsml:provider:dateId:itemId:revision`
 * (the revision perhaps followed by its Update letter): the revision is taken off, so the
 * revisions of an item share it (its agency id; each revision is an article of its own). Without a PublicIdentifier, `ProviderId:DateId:NewsItemId`.
 */
function guidOf(identifier: XmlElement | null, revision: string | null): string | null {
  const publicIdentifier = textOf(child(identifier, 'PublicIdentifier'));
  if (publicIdentifier) {
    const suffix = revision ? new RegExp(`:${escapeRegExp(revision)}[AUN]?$`) : null;
    return suffix && /^urn:newsml:/i.test(publicIdentifier) && suffix.test(publicIdentifier) ? publicIdentifier.replace(suffix, '') : publicIdentifier;
  }
  const itemId = textOf(child(identifier, 'NewsItemId'));
  if (!itemId) return null;
  return [textOf(child(identifier, 'ProviderId')), textOf(child(identifier, 'DateId')), itemId].filter(Boolean).join(':');
}

/** Every ContentItem under a NewsComponent, in document order, with the components that hold it. */
function contentItemsIn(component: XmlElement, outer: XmlElement[]): PlacedContent[] {
  const components = [...outer, component];
  return component.children.filter(isElement).flatMap((node) => {
    if (node.name === 'ContentItem') return [{ item: node, components }];
    if (node.name === 'NewsComponent') return contentItemsIn(node, components);
    return [];
  });
}

/**
 * A caption: text in a NewsComponent whose Role is a caption, or text beside a picture (or other
 * media) in the same NewsComponent. A story with pictures keeps them in components of their own.
 */
function isCaptionContent(content: PlacedContent): boolean {
  if (content.components.some((component) => /caption/i.test(attribute(child(component, 'Role'), 'FormalName') ?? ''))) return true;
  const holder = content.components[content.components.length - 1];
  return childrenNamed(holder, 'ContentItem').some((sibling) => !isTextContent(sibling));
}

function mediaTypeOf(contentItem: XmlElement): string {
  return attribute(child(contentItem, 'MediaType'), 'FormalName') ?? attribute(child(contentItem, 'MimeType'), 'FormalName') ?? 'content by reference';
}

/** MediaType Text; without a MediaType, a text MIME type, else whether the item carries data inline. */
function isTextContent(contentItem: XmlElement): boolean {
  const mediaType = attribute(child(contentItem, 'MediaType'), 'FormalName');
  if (mediaType) return mediaType.toLowerCase() === 'text';
  const mimeType = attribute(child(contentItem, 'MimeType'), 'FormalName');
  if (mimeType) return /^text\/|xml/i.test(mimeType);
  return !!child(contentItem, 'DataContent');
}

/** The copy in a ContentItem's DataContent: NITF, XHTML or other markup, escaped HTML, or plain text. */
function readContentItem(contentItem: XmlElement): ContentReading {
  const data = child(contentItem, 'DataContent');
  if (!data) return { body: '', tables: [], nitf: null };
  const nitfElement = descendant(data, 'nitf');
  if (nitfElement) {
    const nitf = readNitf(nitfElement);
    if (nitf.body || nitf.headline || nitf.tables.length > 0) return { body: nitf.body, tables: nitf.tables, nitf };
  }
  if (data.children.some(isElement)) {
    const html = descendant(data, 'html');
    const copy = child(html, 'body') ?? html ?? data;
    return { body: paragraphsOf(copy).join('\n\n'), tables: tablesIn(copy), nitf: null };
  }
  const text = data.children.filter((node): node is string => typeof node === 'string').join('');
  const mimeType = attribute(child(contentItem, 'MimeType'), 'FormalName') ?? '';
  if (/html/i.test(mimeType) || HTML_TAG.test(text)) return { ...escapedHtmlBody(text), nitf: null };
  return { body: plainTextBody(text), tables: [], nitf: null };
}

/** HTML sent as text (escaped, or in CDATA), read leniently with its references decoded. */
function escapedHtmlBody(markup: string): { body: string; tables: ArticleTable[] } {
  // Nesting this deep is no story; walking it would be slow and recursive.
  if (nestsDeeperThan(markup, MAX_TREE_DEPTH)) return { body: plainTextBody(markup.replace(/<[^<>]*>/g, ' ')), tables: [] };
  const document = parseDocument(markup, { decodeEntities: true, lowerCaseTags: true });
  const root: XmlElement = { name: '#document', attributes: {}, children: document.children.map(fromHtmlNode) };
  return { body: paragraphsOf(root).join('\n\n'), tables: tablesIn(root) };
}

type HtmlNode = ReturnType<typeof parseDocument>['children'][number];

function fromHtmlNode(node: HtmlNode): XmlNode {
  if (DomUtils.isText(node)) return node.data;
  if (DomUtils.isTag(node)) return { name: node.name, attributes: { ...node.attribs }, children: node.children.map(fromHtmlNode) };
  // CDATA sections keep their text; comments, directives and processing instructions are not copy.
  if (DomUtils.isCDATA(node)) return { name: '#cdata', attributes: {}, children: node.children.map(fromHtmlNode) };
  return '';
}

/**
 * Plain copy: paragraphs are separated by blank lines; without any, a line indented is a new
 * paragraph (hard-wrapped copy), else each line is one. Controls are dropped, whitespace collapsed.
 */
function plainTextBody(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').replace(CONTROL_CHARACTERS, '').split('\n');
  const paragraphs: string[][] = [[]];
  const indented = lines.filter((line) => /^(?:\t| {2,})\S/.test(line)).length >= 2;
  const blankSeparated = /\S[ \t]*\n[ \t]*\n[ \t]*\S/.test(lines.join('\n'));
  for (const line of lines) {
    const blank = line.trim() === '';
    const startsParagraph = blankSeparated ? blank : indented ? /^(?:\t| {2,})\S/.test(line) : true;
    if (startsParagraph) paragraphs.push([]);
    if (!blank) paragraphs[paragraphs.length - 1].push(line);
  }
  return paragraphs
    .map((paragraph) => paragraph.join(' ').replace(/[\s\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

function firstOf(values: Array<string | null | undefined>): string | null {
  return values.find((value): value is string => !!value) ?? null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
