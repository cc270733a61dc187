import type { RawDocumentV1 } from '@wirestream/contracts';
import { decodeText } from './decode-text';
import { classifyDroppedFile, documentFromDroppedFile, type DocumentFromDroppedFileOptions } from './dropped-file';
import { parseEmailDocument } from './email/parse-email-document';
import { parseNinjsDocument } from './ninjs/parse-ninjs-document';
import { looksLikeTransmission, parseTransmissionDocument } from './transmissions/parse-transmissions';
import { parseFeedDocument } from './parse-feed-document';
import { assertWithinSize, buildRawDocument } from './raw-document';
import { DEFAULT_MAX_DOCUMENT_BYTES } from './source-ref';
import { splitWireTextStories, type SplitWireTextOptions } from './wire-text-stories';
import { parseWireXmlDocument } from './wire-xml/parse-wire-xml-document';

export type DocumentsFromDroppedFileOptions = DocumentFromDroppedFileOptions & SplitWireTextOptions;

/**
 * Every raw document a dropped (or fetched) file yields: one per item when it is an RSS/Atom/RDF
 * feed, a NewsML-G2 or NewsML 1.2 message, ninjs (JSON) or an ANPA-1312 or IPTC 7901 transmission, one per story when it is NITF or wire text holding several stories,
 * one per message of an e-mail (or mbox) file, else the one documentFromDroppedFile makes. The
 * routing in one call, so the fetcher, the CLI and tools compute the same article ids. Asynchronous
 * because e-mail is: its MIME parser (postal-mime) is; every other format is read at once.
 *
 * @throws UnprocessableDocumentError (rejects with it) as parseFeedDocument, parseWireXmlDocument,
 *   parseEmailDocument and documentFromDroppedFile do.
 */
export async function documentsFromDroppedFile(bytes: Uint8Array, options: DocumentsFromDroppedFileOptions): Promise<RawDocumentV1[]> {
  const { source, path, fetchedAt, contentType } = options;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
  assertWithinSize(bytes, maxBytes, path);
  const fileName = path.split(/[\\/]/).pop() ?? path;
  // Transmissions are told by their control bytes and decode themselves; everything else is decoded
  // once, here, for both its classification and its reader (decoding checks and scans every byte).
  if (looksLikeTransmission(bytes)) return parseTransmissionDocument(bytes, { source, documentUri: path, fetchedAt, maxBytes, contentType }).documents;
  const decoded = decodeText(bytes, { contentType });
  const kind = classifyDroppedFile(bytes, fileName, decoded);
  if (kind === 'feed') return parseFeedDocument(bytes, { source, fetchedAt, maxBytes, contentType, decoded }).documents;
  if (kind === 'email') return (await parseEmailDocument(bytes, { source, documentUri: path, fetchedAt, maxBytes })).documents;
  if (kind === 'ninjs') return parseNinjsDocument(bytes, { source, documentUri: path, fetchedAt, maxBytes, contentType, decoded }).documents;
  if (kind === 'nitf' || kind === 'newsml-g2' || kind === 'newsml-1.2') return parseWireXmlDocument(bytes, { source, documentUri: path, fetchedAt, maxBytes, contentType, decoded }).documents;
  const single = documentFromDroppedFile(bytes, { ...options, maxBytes, decoded });
  if (single.format !== 'wire-text') return [single];
  const stories = splitWireTextStories(single.body, options);
  if (stories.length === 1) return [single];
  return stories.map((body, index) =>
    buildRawDocument({ source, documentUri: `${path}#story-${index + 1}`, fetchedAt, format: 'wire-text', charset: single.charset, body, feedItem: null }),
  );
}
