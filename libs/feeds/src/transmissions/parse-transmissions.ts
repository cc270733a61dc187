/* eslint-disable no-control-regex -- transmissions open with ASCII control characters, which these patterns match */
import { ErrorCode, UnprocessableDocumentError, type RawDocumentV1 } from '@wirestream/contracts';
import { decodeText } from '../decode-text';
import { assertWithinSize, storyUri, wireStoryDocument } from '../raw-document';
import { DEFAULT_MAX_DOCUMENT_BYTES, type SourceRef } from '../source-ref';
import { ANPA_KEYWORD_LINE, ANPA_SELECTOR_LINE, readAnpaTransmissions } from './anpa';
import { IPTC7901_HEADER_LINE, readIptc7901Transmissions } from './iptc7901';
import { transmissionStatus } from './transmission-status';
import type { TransmissionStory } from './transmission-story';

export type TransmissionFormat = 'anpa' | 'iptc7901';

export interface ParseTransmissionOptions {
  source: SourceRef;
  /** Where the document was read from (file path or URL); stories are `<uri>#<guid>` inside it. */
  documentUri: string;
  fetchedAt: Date;
  contentType?: string | null;
  maxBytes?: number;
}

export interface ParsedTransmissionDocument {
  format: TransmissionFormat;
  /** Charset the bytes were decoded from. */
  charset: string;
  /** Every story read, in file order, with the header fields documents do not carry (version, selector…). */
  stories: TransmissionStory[];
  /** Transmissions that carried no story, with the reason. */
  skipped: string[];
  /** One 'feed-item' raw document per story, in file order. */
  documents: RawDocumentV1[];
}

/** How far into the bytes the first header is looked for. */
const HEAD_BYTES = 1024;
/** Bytes that may come before the first SOH: SYN idles, NUL fill, DEL, line ends, spaces. */
const LEADING_FILL = /^[\x16\x00\x7f\r\n \t]*/;

/**
 * Whether the bytes are a wire transmission, and which: by content alone, never by file name.
 * ANPA-1312 opens (after SYN idles) with SOH and a header whose first line is a service level
 * letter, message number, US and selector code ('W2870 US asian'), or the priority/keyword line;
 * IPTC 7901 with SOH and a header line 'eca062 4 i 211 … dpa 061' (source and message number,
 * priority digit, category, word count). Either needs an STX after the header.
 */
export function looksLikeTransmission(bytes: Uint8Array): TransmissionFormat | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, HEAD_BYTES)).toString('latin1');
  const start = head.slice(LEADING_FILL.exec(head)?.[0].length ?? 0);
  if (!start.startsWith('\x01')) return null;
  const stx = start.indexOf('\x02');
  if (stx < 0) return null;
  const headerLines = start.slice(1, stx).split(/\r?\n|\r/);
  const first = headerLines[0] ?? '';
  if (ANPA_SELECTOR_LINE.test(first) || ANPA_KEYWORD_LINE.test(first)) return 'anpa';
  if (IPTC7901_HEADER_LINE.test(first.trim())) return 'iptc7901';
  return null;
}

/**
 * An ANPA-1312 or IPTC 7901 transmission file → one raw document per story. Each is a 'feed-item'
 * whose feedItem carries the headline, byline, urgency (from the header's priority), keyword as
 * category, the time sent (from the trailer) and the story's `${selector or agency}:${keyword}` as
 * its guid field. The article id comes from the content, not that keyword: agencies reuse a keyword
 * for unrelated stories (AP's BC-US--APNewsAlert, dpa's topic slugs), and an id from it would make
 * each one overwrite the last. A write-thru, correction or kill is linked to what it replaces by
 * its wire status (see transmissionStatus): the keyword and day as agency id, and its version. The body is the copy as
 * paragraphs, without header lines, notes to editors or control characters. The bytes are 7-bit or
 * Latin-1, decoded by decodeText.
 *
 * Refused with UnprocessableDocumentError: documents over `maxBytes`, and bytes that are not a
 * transmission (see looksLikeTransmission).
 */
export function parseTransmissionDocument(bytes: Uint8Array, options: ParseTransmissionOptions): ParsedTransmissionDocument {
  const what = options.documentUri;
  assertWithinSize(bytes, options.maxBytes ?? DEFAULT_MAX_DOCUMENT_BYTES, what);
  const format = looksLikeTransmission(bytes);
  if (!format) throw new UnprocessableDocumentError(`${what}: neither an ANPA-1312 nor an IPTC 7901 transmission (no SOH header before STX)`, { code: ErrorCode.FORMAT_UNRECOGNIZED });
  const { text, charset } = decodeText(bytes, { contentType: options.contentType });
  const { stories, skipped } = format === 'anpa' ? readAnpaTransmissions(text) : readIptc7901Transmissions(text);

  const guids = stories.map((story) => story.guid);
  const documents = stories.map((story, index) => {
    // A story's own name in the file: its guid when no other story of the file shares it.
    const unique = story.guid && guids.indexOf(story.guid) === guids.lastIndexOf(story.guid);
    const fragment = unique ? encodeURIComponent(story.guid as string) : `story-${index + 1}`;
    // Neither header names the place: the dateline stays where the copy has it.
    return wireStoryDocument(
      { ...story, dateline: null, wire: transmissionStatus(story) },
      { source: options.source, documentUri: storyUri(options.documentUri, stories.length, fragment), fetchedAt: options.fetchedAt, charset, idFromGuid: false },
    );
  });
  return { format, charset, stories, skipped, documents };
}
