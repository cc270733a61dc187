import { attribute, child, childrenNamed, descendants, paragraphsOf, path, textOf, type XmlElement } from './xml-tree';
import { mentionsCorrection, pubStatusOf, versionNumber, wireStatus } from '../wire-status';
import { tablesIn } from './xml-tables';
import { distinct, parseUrgency, parseWireDate, type WireStory } from './wire-story';

/** Dates NITF writes into story.date text are machine stamps ('20170102T222800+0000'), not a dateline. */
const MACHINE_DATE = /^\d{8}T\d{4,6}/;

/**
 * An IPTC NITF 3.x document (the <nitf> element, standalone or inside a NewsML-G2 inlineXML) as a
 * story: head/docdata for identity and dates, body.head for headline, byline and dateline,
 * body.content (and body.end) for the copy.
 */
export function readNitf(nitf: XmlElement): WireStory {
  const head = child(nitf, 'head');
  const docdata = child(head, 'docdata');
  const body = child(nitf, 'body');
  const bodyHead = child(body, 'body.head');
  // NITF says <hedline>; AP's NITF inside NewsML-G2 writes <headline>.
  const hedline = child(bodyHead, 'hedline', 'headline');

  const headline = textOf(child(hedline, 'hl1')) ?? textOf(child(head, 'title'));
  const subheadline = textOf(child(hedline, 'hl2'));
  const bylineElement = child(bodyHead, 'byline');
  const byline = [textOf(bylineElement, { skip: new Set(['byttl']) }), textOf(child(bylineElement, 'byttl'))].filter(Boolean).join(', ') || null;

  const datelineElement = child(bodyHead, 'dateline');
  const storyDate = textOf(child(datelineElement, 'story.date'));
  const dateline =
    [textOf(child(datelineElement, 'location')), storyDate && !MACHINE_DATE.test(storyDate) ? storyDate : null].filter(Boolean).join(', ') || null;

  const publishedAt =
    parseWireDate(attribute(child(docdata, 'date.issue'), 'norm')) ??
    parseWireDate(attribute(child(head, 'pubdata'), 'date.publication')) ??
    parseWireDate(attribute(child(docdata, 'date.release'), 'norm')) ??
    parseWireDate(attribute(child(datelineElement, 'story.date'), 'norm'));

  const paragraphs = [...paragraphsOf(child(body, 'body.content')), ...paragraphsOf(child(body, 'body.end'))];
  const guid = attribute(child(docdata, 'doc-id'), 'id-string');
  return {
    guid,
    version: null,
    headline,
    subheadline: subheadline && subheadline !== headline ? subheadline : null,
    byline,
    dateline,
    publishedAt,
    updatedAt: null,
    language: attribute(nitf, 'baselang') ?? attribute(body, 'lang'),
    keywords: distinct(childrenNamed(path(docdata, 'key-list'), 'keyword').map((keyword) => attribute(keyword, 'key'))),
    body: paragraphs.join('\n\n'),
    tables: [...tablesIn(child(body, 'body.content')), ...tablesIn(child(body, 'body.end'))],
    // <urgency ed-urg="1"/>: the editor's urgency, 1 most urgent.
    urgency: parseUrgency(attribute(child(docdata, 'urgency'), 'ed-urg')),
    wire: readNitfStatus(docdata, guid),
  };
}

/**
 * NITF's docdata: management-status (usable, embargoed, withheld, canceled), date.release (the
 * time before which the document is under embargo: read as one when the status says embargoed or
 * the release is later than the issue), du-key's version, a <correction> element, and the
 * ed-msg that gives a kill's reason.
 */
function readNitfStatus(docdata: XmlElement | null, guid: string | null): WireStory['wire'] {
  const status = attribute(docdata, 'management-status');
  const pubStatus = pubStatusOf(status) ?? 'usable';
  const release = parseWireDate(attribute(child(docdata, 'date.release'), 'norm'));
  const issue = parseWireDate(attribute(child(docdata, 'date.issue'), 'norm'));
  const embargoed = !!release && (/embargoed/i.test(status ?? '') || (!!issue && release > issue));
  const edMessage = attribute(child(docdata, 'ed-msg'), 'info');
  const correction = child(docdata, 'correction');
  return wireStatus({
    agencyItemId: guid,
    version: versionNumber(attribute(child(docdata, 'du-key'), 'version')),
    pubStatus,
    statusNote: pubStatus === 'usable' ? null : edMessage,
    embargoedUntil: embargoed ? release : null,
    correction: !!correction || mentionsCorrection(edMessage),
  });
}

/** Every <nitf> element under an element (NewsML-G2 inlineXML may carry one). */
export function nitfElementsIn(element: XmlElement): XmlElement[] {
  return descendants(element, 'nitf');
}
