import { ErrorCode, UnprocessableDocumentError, type RawDocumentV1 } from '@wirestream/contracts';
import { decodeText, type DecodedText } from '../decode-text';
import { assertWithinSize, storyUri, wireStoryDocument } from '../raw-document';
import { DEFAULT_MAX_DOCUMENT_BYTES, type SourceRef } from '../source-ref';
import { assertNoDtdDeclarations, findXmlStructureProblem, rootElementName } from '../xml-markup';
import { readNewsMl12 } from './newsml-1.2';
import { readNewsMlG2 } from './newsml-g2';
import { readNitf } from './nitf';
import type { WirePackage, WireStory } from './wire-story';
import { parseXmlTree } from './xml-tree';

export type WireXmlFormat = 'nitf' | 'newsml-g2' | 'newsml-1.2';

export interface ParseWireXmlOptions {
  source: SourceRef;
  /** Where the document was read from (file path or URL); items are `<uri>#<guid>` inside it. */
  documentUri: string;
  fetchedAt: Date;
  contentType?: string | null;
  /** The bytes already decoded, by a caller that classified them first: not decoded again. */
  decoded?: DecodedText;
  maxBytes?: number;
}

export interface ParsedWireXmlDocument {
  format: WireXmlFormat;
  charset: string;
  stories: WireStory[];
  packages: WirePackage[];
  /** Items that carried no text to emit, with the reason. */
  skipped: string[];
  /** One 'feed-item' raw document per story, in document order. */
  documents: RawDocumentV1[];
}

const NEWSML_G2_ROOTS = new Set(['newsMessage', 'newsItem', 'packageItem']);

/** The wire XML standard a root element name belongs to, or null. */
export function wireXmlFormatOf(rootName: string | null): WireXmlFormat | null {
  const local = rootName?.slice(rootName.indexOf(':') + 1) ?? null;
  if (local === 'nitf') return 'nitf';
  if (local && NEWSML_G2_ROOTS.has(local)) return 'newsml-g2';
  // NewsML 1.x names its elements in upper camel case; G2's lower-case <newsItem> is told apart by case.
  if (local === 'NewsML') return 'newsml-1.2';
  return null;
}

/**
 * An IPTC NITF 3.x, NewsML-G2 or NewsML 1.2 document → one raw document per text story. Each is a 'feed-item'
 * whose feedItem carries the headline, guid, first-publication date, byline, keywords and dateline,
 * and whose body is the copy as paragraphs; its article id comes from the item's guid with its version
 * (a later NewsML-G2 version or NewsML 1.2 revision is an article of its own, linked to the earlier
 * ones by the guid as feedItem.wire.agencyItemId), else from the content hash.
 *
 * Refused with UnprocessableDocumentError: documents over `maxBytes`, any DTD internal subset or
 * entity declaration (before parsing), malformed XML, and documents of none of these standards.
 */
export function parseWireXmlDocument(bytes: Uint8Array, options: ParseWireXmlOptions): ParsedWireXmlDocument {
  const what = options.documentUri;
  assertWithinSize(bytes, options.maxBytes ?? DEFAULT_MAX_DOCUMENT_BYTES, what);
  const { text, charset } = options.decoded ?? decodeText(bytes, { contentType: options.contentType });
  assertNoDtdDeclarations(text, what);
  const format = wireXmlFormatOf(rootElementName(text));
  if (!format) throw new UnprocessableDocumentError(`${what}: not an IPTC NITF, NewsML-G2 or NewsML 1.2 document (root <${rootElementName(text) ?? '?'}>)`, { code: ErrorCode.FORMAT_UNRECOGNIZED });
  const problem = findXmlStructureProblem(text);
  if (problem) throw new UnprocessableDocumentError(`${what}: malformed XML: ${problem}`, { code: ErrorCode.XML_MALFORMED });

  const root = parseXmlTree(text, what);
  const reading =
    format === 'nitf'
      ? { stories: [readNitf(root)], packages: [], skipped: [] }
      : format === 'newsml-1.2'
        ? { ...readNewsMl12(root), packages: [] }
        : readNewsMlG2(root);
  // A headline alone is a story (the normalizer keeps it as a headline-only article); nothing at all is not.
  const stories = reading.stories.filter((story) => story.body || story.headline || story.tables.length > 0);
  const skipped = [...reading.skipped, ...(reading.stories.length > stories.length ? [`${what}: NITF document with neither headline nor body text`] : [])];
  const documents = stories.map((story, index) =>
    wireStoryDocument(
      { ...story, categories: story.keywords },
      {
        source: options.source,
        documentUri: storyUri(options.documentUri, stories.length, story.guid ? encodeURIComponent(story.guid) : `item-${index + 1}`),
        fetchedAt: options.fetchedAt,
        charset,
      },
    ),
  );
  return { format, charset, stories, packages: reading.packages, skipped, documents };
}
