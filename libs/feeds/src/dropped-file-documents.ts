import type { RawDocumentV1 } from '@wirestream/contracts';
import { classifyDroppedFile, documentFromDroppedFile, type DocumentFromDroppedFileOptions } from './dropped-file';
import { parseFeedDocument } from './parse-feed-document';
import { assertWithinSize } from './raw-document';
import { DEFAULT_MAX_DOCUMENT_BYTES } from './source-ref';

/**
 * Every raw document a dropped file yields: one per item when it is an RSS/Atom/RDF feed, else the
 * one documentFromDroppedFile makes. The file-drop routing in one call, so tools can compute the
 * article ids the fetcher will assign.
 *
 * @throws UnprocessableDocumentError as parseFeedDocument and documentFromDroppedFile do.
 */
export function documentsFromDroppedFile(bytes: Uint8Array, options: DocumentFromDroppedFileOptions): RawDocumentV1[] {
  const { source, path, fetchedAt } = options;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
  assertWithinSize(bytes, maxBytes, path);
  const fileName = path.split(/[\\/]/).pop() ?? path;
  if (classifyDroppedFile(bytes, fileName) === 'feed') return parseFeedDocument(bytes, { source, fetchedAt, maxBytes }).documents;
  return [documentFromDroppedFile(bytes, { ...options, maxBytes })];
}
