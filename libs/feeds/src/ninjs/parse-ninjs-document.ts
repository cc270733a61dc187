import { ErrorCode, UnprocessableDocumentError, type RawDocumentV1 } from '@wirestream/contracts';
import { DomUtils, parseDocument } from 'htmlparser2';
import { decodeText, type DecodedText } from '../decode-text';
import { textBody } from '../text-body';
import { assertWithinSize, storyUri, wireStoryDocument, type WireStoryFields } from '../raw-document';
import { DEFAULT_MAX_DOCUMENT_BYTES, type SourceRef } from '../source-ref';
import { announcesKill, mentionsCorrection, pubStatusOf, versionNumber, wireStatus } from '../wire-status';
import { distinct, parseUrgency, parseWireDate } from '../wire-xml/wire-story';

/**
 * IPTC ninjs (News in JSON), 1.x and 2.x, as agencies' APIs deliver it: a bare item, a list of
 * items, or a listing envelope around them ({ items }, { item } as BBC-style listings do, an AP
 * Media API page { data: { items: [{ meta, item }] } }, { data: { item } }).
 *
 * Field map (1.x name / 2.x name → feedItem):
 * - headline / headlines[role main, else first].value → title
 * - uri, else guid → guid (AP Media API's per-request `qt`/`et` query parameters taken off the uri)
 * - firstpublished, firstcreated, contentcreated, versioncreated (first readable) → publishedAt
 * - byline / by / bylines[].byline, else authors[].name (editors left out) → author
 * - located, else place[0].name / places[0].name → dateline
 * - urgency (1–9) → urgency
 * - headlines[role sub*], else description_text / descriptions[0] → subheadline (unless it is the body)
 * - subject[].name / subjects[].name → categories
 * - body: body_html, bodies[role main].value, body_xhtml, body_text, description_text (first present)
 * - wire status: uri/guid → agencyItemId, version → version, pubstatus → pubStatus, embargoed →
 *   embargoedUntil, ednote (a kill's reason) → statusNote; a correction when the ednote, a
 *   signal or the headline says so ('Correction', 'Corrects…')
 */

export interface ParseNinjsOptions {
  source: SourceRef;
  /** Where the document was read from (file path or URL); items are `<uri>#<guid>` inside it when there are several. */
  documentUri: string;
  fetchedAt: Date;
  contentType?: string | null;
  /** The bytes already decoded, by a caller that classified them first: not decoded again. */
  decoded?: DecodedText;
  maxBytes?: number;
}

export interface ParsedNinjsDocument {
  /** One 'feed-item' raw document per text item, in document order (associated text items after their parent). */
  documents: RawDocumentV1[];
  /** Items not emitted (pictures, video, audio, graphics, packages, references without text), with the reason. */
  skipped: string[];
}

type JsonObject = Record<string, unknown>;

/** ninjs types that carry no copy of their own. */
const MEDIA_TYPES = new Set(['picture', 'video', 'audio', 'graphic']);
/** Keys listing envelopes put their items under. */
const ENVELOPE_KEYS = ['items', 'item', 'data', 'results'] as const;
/** Fields besides uri/guid that mark an object as a ninjs item. */
const NINJS_FIELDS = ['type', 'headline', 'headlines', 'body_html', 'body_text', 'body_xhtml', 'bodies', 'versioncreated', 'firstcreated'];
/** How deep envelopes and associations are followed. */
const MAX_DEPTH = 4;

/** A '<' that opens a tag, end tag, comment or doctype: the normalizer reads such a body as HTML. */
const MARKUP = /<[A-Za-z/!?]/;
const CHARACTER_REFERENCE = /&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);/;
// eslint-disable-next-line no-control-regex -- one-line fields lose their control characters
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Whether the text is JSON holding ninjs items: an item, a list of them, or a listing envelope around them. */
export function looksLikeNinjs(text: string): boolean {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return false;
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return false;
  }
  const found = findItemList(value, 0);
  return !!found && found.entries.some((entry) => isNinjsItem(unwrapEntry(entry)));
}

/**
 * A ninjs document → one raw document per text item. Each is a 'feed-item' whose body is the
 * item's copy (HTML as the item gives it, or its plain text; plain text that would read as markup
 * is escaped into HTML paragraphs) and whose feedItem carries headline, guid, date, byline,
 * dateline, urgency, subheadline and subject names. Its article id comes from the item's uri/guid
 * and version: a later version is an article of its own, linked by the uri (wire.agencyItemId). Pictures, video, audio and graphics —
 * listed or associated — are not emitted but named in `skipped`. An item's associated text items
 * that carry copy are emitted after it. In a document of several items, an item whose body is over
 * MAX_BODY_CHARS is skipped rather than refusing the rest; alone, it is refused.
 *
 * Refused with UnprocessableDocumentError: documents over `maxBytes`, text that is not JSON, and
 * JSON that holds no ninjs item. An envelope with an empty item list (a feed page with nothing new)
 * gives no documents.
 */
export function parseNinjsDocument(bytes: Uint8Array, options: ParseNinjsOptions): ParsedNinjsDocument {
  const what = options.documentUri;
  assertWithinSize(bytes, options.maxBytes ?? DEFAULT_MAX_DOCUMENT_BYTES, what);
  const { text, charset } = options.decoded ?? decodeText(bytes, { contentType: options.contentType });
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UnprocessableDocumentError(`${what}: not valid JSON (${error instanceof Error ? error.message : String(error)})`, { code: ErrorCode.JSON_MALFORMED, cause: error });
  }

  const found = findItemList(value, 0);
  if (!found) throw new UnprocessableDocumentError(`${what}: JSON but not ninjs: ${describeJson(value)} is neither a ninjs item nor a list or envelope of them`, { code: ErrorCode.FORMAT_UNRECOGNIZED });
  const skipped: string[] = [];
  const items: Array<{ item: JsonObject; label: string }> = [];
  found.entries.forEach((entry, index) => {
    const item = unwrapEntry(entry);
    const label = found.labelOf(index);
    if (isObject(item) && isNinjsItem(item)) items.push({ item, label });
    else skipped.push(`${what}: ${label} is not a ninjs item (${describeJson(item)})`);
  });
  if (found.entries.length > 0 && items.length === 0) {
    throw new UnprocessableDocumentError(`${what}: JSON but not ninjs: none of the ${found.entries.length} entries of ${found.labelOf(0).replace(/\[0\]$/, '') || 'the list'} is a ninjs item (an object with a uri or guid and ninjs fields)`, { code: ErrorCode.FORMAT_UNRECOGNIZED });
  }

  const stories: Story[] = [];
  const seen = new Set<string>();
  for (const { item, label } of items) collectStories(item, label, 0, stories, skipped, seen, what);

  const several = stories.length > 1;
  const documents: RawDocumentV1[] = [];
  const refused: UnprocessableDocumentError[] = [];
  stories.forEach((story, index) => {
    try {
      documents.push(
        wireStoryDocument(story, {
          source: options.source,
          documentUri: storyUri(options.documentUri, stories.length, story.guid ? encodeURIComponent(story.guid) : `item-${index + 1}`),
          fetchedAt: options.fetchedAt,
          charset,
        }),
      );
    } catch (error) {
      if (!(error instanceof UnprocessableDocumentError) || !several) throw error;
      refused.push(error);
      skipped.push(`${what}: ${story.label} refused: ${error.message}`);
    }
  });
  if (documents.length === 0 && refused.length > 0) throw refused[0];
  return { documents, skipped };
}

/** A ninjs item read as a story, with where it sat in the document (for skip reasons). */
interface Story extends WireStoryFields {
  label: string;
}

/** The item as a story when it is text with something to read, then its associated items. */
function collectStories(item: JsonObject, label: string, depth: number, into: Story[], skipped: string[], seen: Set<string>, what: string): void {
  const type = ninjsType(item);
  const guid = itemGuid(item);
  const name = `${label} (${type} item${guid ? ` ${guid}` : ''}${quotedHeadline(item)})`;
  if (guid && seen.has(guid)) {
    skipped.push(`${what}: ${name} skipped: the same item appears earlier in the document`);
    return;
  }
  if (guid) seen.add(guid);

  if (MEDIA_TYPES.has(type)) {
    skipped.push(`${what}: ${name} skipped: not text`);
  } else {
    const story = readStory(item, label, guid);
    const isAssociation = depth > 0;
    if (type === 'composite' && !story.body) skipped.push(`${what}: ${name} skipped: a package without copy of its own (its associated items are read)`);
    else if (isAssociation && !story.body) skipped.push(`${what}: ${name} skipped: an associated item without copy (a reference)`);
    else if (!story.body && !story.headline) skipped.push(`${what}: ${name} skipped: neither headline nor body`);
    else into.push(story);
  }

  if (depth >= MAX_DEPTH) return;
  for (const [key, associated] of associationsOf(item)) {
    collectStories(associated, `${label}.associations.${key}`, depth + 1, into, skipped, seen, what);
  }
}

function readStory(item: JsonObject, label: string, guid: string | null): Story {
  const headlines = objects(item.headlines);
  const mainHeadline = headlines.find((headline) => /^main$/i.test(str(headline.role) ?? '')) ?? headlines.find((headline) => !str(headline.role)) ?? headlines[0];
  const headline = plainText(item.headline) ?? plainText(mainHeadline?.value);
  const { body, from } = readBody(item);

  const subHeadline = headlines.find((entry) => entry !== mainHeadline && /sub/i.test(str(entry.role) ?? ''));
  const descriptions = objects(item.descriptions);
  const description =
    from === 'description_text'
      ? null
      : (plainText(item.description_text) ?? plainText((descriptions.find((entry) => /summary|abstract/i.test(str(entry.role) ?? '')) ?? descriptions[0])?.value));
  const subheadlineCandidate = plainText(subHeadline?.value) ?? description;
  const subheadline = subheadlineCandidate && subheadlineCandidate !== headline ? subheadlineCandidate : null;

  return {
    label,
    guid,
    headline,
    subheadline,
    byline: readByline(item),
    dateline: plainText(item.located) ?? plainText(objects(item.place)[0]?.name) ?? plainText(objects(item.places)[0]?.name),
    publishedAt: firstDate(item.firstpublished, item.firstcreated, item.contentcreated, item.versioncreated),
    urgency: typeof item.urgency === 'number' || typeof item.urgency === 'string' ? parseUrgency(String(item.urgency)) : null,
    categories: distinct([...objects(item.subject), ...objects(item.subjects)].map((subject) => plainText(subject.name))),
    body,
    wire: readWireStatus(item, guid, headline),
  };
}

/** The item's version, publication status, embargo and correction (ninjs 1.x and 2.x name them alike). */
function readWireStatus(item: JsonObject, guid: string | null, headline: string | null): Story['wire'] {
  const ednote = plainText(item.ednote) ?? plainText(objects(item.ednotes)[0]?.value);
  const signals = [...objects(item.signals), ...objects(item.signal)].map((signal) => [str(signal.name), str(signal.uri), str(signal.code)].filter(Boolean).join(' '));
  const stated = pubStatusOf(str(item.pubstatus));
  const pubStatus = stated ?? (announcesKill(ednote) ? 'canceled' : 'usable');
  return wireStatus({
    agencyItemId: guid,
    version: versionNumber(item.version),
    versionLabel: null,
    pubStatus,
    statusNote: pubStatus === 'usable' ? null : ednote,
    embargoedUntil: parseWireDate(str(item.embargoed)),
    correction: mentionsCorrection(ednote, ...signals) || /^correct(?:ion|ed|s)\b/i.test(headline ?? ''),
  });
}

type BodyField = 'body_html' | 'bodies' | 'body_xhtml' | 'body_text' | 'description_text' | null;

/** The item's copy: HTML as given, or plain text (escaped into HTML paragraphs when it would read as markup). */
function readBody(item: JsonObject): { body: string; from: BodyField } {
  const html = nonBlank(item.body_html);
  if (html) return { body: html, from: 'body_html' };
  const bodies = objects(item.bodies).filter((entry) => nonBlank(entry.value));
  const mains = bodies.filter((entry) => /^main$/i.test(str(entry.role) ?? ''));
  const candidates = mains.length > 0 ? mains : bodies;
  const main = candidates.find((entry) => /html/i.test(str(entry.contenttype) ?? '')) ?? candidates[0];
  if (main) {
    const value = nonBlank(main.value) ?? '';
    const isText = /^text\/plain/i.test(str(main.contenttype) ?? '');
    return { body: isText ? textBody(value) : value, from: 'bodies' };
  }
  const xhtml = nonBlank(item.body_xhtml);
  if (xhtml) return { body: xhtml, from: 'body_xhtml' };
  const text = nonBlank(item.body_text);
  if (text) return { body: textBody(text), from: 'body_text' };
  const description = nonBlank(item.description_text);
  if (description) return { body: textBody(description), from: 'description_text' };
  return { body: '', from: null };
}

function readByline(item: JsonObject): string | null {
  const stated = plainText(item.byline) ?? plainText(item.by) ?? joinNames(objects(item.bylines).map((entry) => plainText(entry.byline)));
  if (stated) return stated;
  const authors = objects(item.authors).filter((author) => !/editor/i.test(str(author.role) ?? ''));
  return joinNames(authors.map((author) => plainText(author.name)));
}

function joinNames(names: Array<string | null>): string | null {
  const list = distinct(names);
  if (list.length <= 1) return list[0] ?? null;
  return `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

/** The item's id: its uri, else its guid. AP Media API's per-request query parameters are not part of it. */
function itemGuid(item: JsonObject): string | null {
  const uri = nonBlank(item.uri)?.trim();
  if (uri) return withoutSessionParameters(uri);
  return nonBlank(item.guid)?.trim() ?? null;
}

/** AP Media API item uris carry `qt` (query tracking) and `et` (entitlement) parameters that change per request. */
function withoutSessionParameters(uri: string): string {
  const match = /^(https?:\/\/[^?#]+)\?([^#]*)(#.*)?$/i.exec(uri);
  if (!match) return uri;
  const [, base, query = '', fragment = ''] = match;
  const kept = query.split('&').filter((parameter) => parameter && !/^(qt|et)=/i.test(parameter));
  return `${base}${kept.length > 0 ? `?${kept.join('&')}` : ''}${fragment}`;
}

/** The item's generic type: 'text' when absent; the last segment of a URI or QCode ('ninat:picture'). */
function ninjsType(item: JsonObject): string {
  const type = str(item.type)?.trim().toLowerCase();
  if (!type) return 'text';
  return type.split(/[/:]/).pop() || 'text';
}

function associationsOf(item: JsonObject): Array<[string, JsonObject]> {
  const associations = item.associations;
  if (Array.isArray(associations)) {
    return objects(associations).map((entry, index) => [str(entry.name) ?? String(index), entry]);
  }
  if (!isObject(associations)) return [];
  return Object.entries(associations).filter((entry): entry is [string, JsonObject] => isObject(entry[1]));
}

/**
 * The list of items in the value: the value itself when it is an item or a list; else the first
 * list (or single item) under an envelope key, followed down to MAX_DEPTH. Null when there is none.
 */
function findItemList(value: unknown, depth: number, path = ''): ItemList | null {
  if (Array.isArray(value)) return { entries: value, labelOf: (index) => `${path}[${index}]` };
  if (!isObject(value)) return null;
  if (isNinjsItem(value)) return { entries: [value], labelOf: () => path || 'item' };
  if (depth >= MAX_DEPTH) return null;
  for (const key of ENVELOPE_KEYS) {
    if (!(key in value)) continue;
    const found = findItemList(value[key], depth + 1, path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return null;
}

interface ItemList {
  entries: unknown[];
  /** Where an entry is in the document ('data.items[0]', '[2]', 'item'), for messages. */
  labelOf: (index: number) => string;
}

/** AP Media API wraps each listed item: { meta, item }. */
function unwrapEntry(entry: unknown): unknown {
  if (!isObject(entry) || isNinjsItem(entry)) return entry;
  return isNinjsItem(entry.item) ? entry.item : entry;
}

/** An object with ninjs fields: a `$schema` naming ninjs, or a uri or guid beside a type, headline, body or date. */
function isNinjsItem(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (/ninjs/i.test(str(value.$schema) ?? '')) return true;
  if (!nonBlank(value.uri) && !nonBlank(value.guid)) return false;
  return NINJS_FIELDS.some((field) => value[field] !== undefined && value[field] !== null);
}

function firstDate(...values: unknown[]): string | null {
  for (const value of values) {
    const parsed = typeof value === 'string' ? parseWireDate(value) : null;
    if (parsed) return parsed;
  }
  return null;
}

/**
 * A one-line field as plain text: markup taken out, character references decoded (twice at most,
 * for text escaped twice), control characters dropped, whitespace collapsed. Null when empty.
 */
function plainText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  let text = value;
  for (let pass = 0; pass < 2 && (MARKUP.test(text) || CHARACTER_REFERENCE.test(text)); pass++) {
    text = DomUtils.textContent(parseDocument(text.replace(/<br\b[^>]*>|<\/(?:p|div|li|h[1-6])>/gi, ' ')));
  }
  const cleaned = text.replace(CONTROL_CHARACTERS, '').replace(/\s+/g, ' ').trim();
  return cleaned || null;
}

function quotedHeadline(item: JsonObject): string {
  const headline = plainText(item.headline) ?? plainText(objects(item.headlines)[0]?.value);
  if (!headline) return '';
  return ` "${headline.length > 60 ? `${headline.slice(0, 57)}...` : headline}"`;
}

function describeJson(value: unknown): string {
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (isObject(value)) {
    const keys = Object.keys(value);
    return keys.length === 0 ? 'an empty object' : `an object with ${keys.slice(0, 8).join(', ')}${keys.length > 8 ? ', …' : ''}`;
  }
  return value === null ? 'null' : `a ${typeof value}`;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objects(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function nonBlank(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value : null;
}
