export { DEFAULT_MAX_DOCUMENT_BYTES, type SourceRef } from './source-ref';
export { decodeText, type DecodedText, type DecodeTextOptions } from './decode-text';
export { canonicalCharset } from './charset-labels';
export { parseFeedDate } from './feed-date';
export { parseFeedDocument, type FeedFormat, type ParseFeedDocumentOptions, type ParsedFeedDocument } from './parse-feed-document';
export {
  classifyDroppedFile,
  documentFromDroppedFile,
  type DocumentFromDroppedFileOptions,
  type DroppedFileKind,
} from './dropped-file';
export { documentsFromDroppedFile, type DocumentsFromDroppedFileOptions } from './dropped-file-documents';
export { FileDropTracker, isHiddenOrTemporary, type DirectoryEntry } from './file-drop-tracker';
export { splitWireTextStories, DEFAULT_MIN_STORY_WORDS, type SplitWireTextOptions } from './wire-text-stories';
export {
  parseWireXmlDocument,
  wireXmlFormatOf,
  type ParseWireXmlOptions,
  type ParsedWireXmlDocument,
  type WireXmlFormat,
} from './wire-xml/parse-wire-xml-document';
export { parseWireDate, type WirePackage, type WirePackageReference, type WireStory } from './wire-xml/wire-story';
export { articlePageDocument, type ArticlePageOptions } from './article-page';
export { looksLikeNinjs, parseNinjsDocument, type ParseNinjsOptions, type ParsedNinjsDocument } from './ninjs/parse-ninjs-document';
export { looksLikeTransmission, parseTransmissionDocument, type TransmissionFormat } from './transmissions/parse-transmissions';
export { parseEmailDocument, type ParseEmailOptions, type ParsedEmailDocument } from './email/parse-email-document';
