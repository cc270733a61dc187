import { ErrorCode, UnprocessableDocumentError, type RawDocumentV1 } from '@wirestream/contracts';
import { decodeText, type DecodedText } from './decode-text';
import { assertWithinSize, buildRawDocument } from './raw-document';
import { DEFAULT_MAX_DOCUMENT_BYTES, type SourceRef } from './source-ref';
import { looksLikeEmail } from './email/looks-like-email';
import { looksLikeNinjs } from './ninjs/parse-ninjs-document';
import { looksLikeTransmission, type TransmissionFormat } from './transmissions/parse-transmissions';
import { wireXmlFormatOf } from './wire-xml/parse-wire-xml-document';
import { assertNoDtdDeclarations, rootElementName } from './xml-markup';

/**
 * What a dropped file is: an RSS/Atom/RDF feed (route it to parseFeedDocument), an IPTC NITF or
 * NewsML-G2 document (parseWireXmlDocument), an HTML page, plain wire copy, or some other XML.
 */
export type DroppedFileKind = 'feed' | 'nitf' | 'newsml-g2' | 'newsml-1.2' | 'ninjs' | 'anpa' | 'iptc7901' | 'email' | 'html' | 'wire-text' | 'xml-unsupported';

export interface DocumentFromDroppedFileOptions {
  source: SourceRef;
  /** The file's path: the document's URI. */
  path: string;
  fetchedAt: Date;
  /** Larger files are refused unread; default 5 MiB. */
  maxBytes?: number;
  /** The HTTP Content-Type header, when the file was fetched from a URL: its charset decides the decoding. */
  contentType?: string | null;
  /** The bytes already decoded, by a caller that classified them first: not decoded again. */
  decoded?: DecodedText;
}

/** How far into the text HTML markers (<html, <body, <!doctype html) are looked for. */
const HTML_SNIFF_CHARS = 1024;
const HTML_FILE_NAME = /\.x?html?$/i;
const XML_FILE_NAME = /\.(xml|rss|atom|rdf|nitf|newsml)$/i;
/** Elements an HTML fragment (a page body without <html>) starts with. */
const HTML_FRAGMENT_ROOTS = new Set(
  'a article aside b blockquote body br center dd div dl em figure font h1 h2 h3 h4 h5 h6 head header hr i img main meta nav ol p pre section span strong table title ul'.split(' '),
);
const RSS1_NAMESPACES = ['http://purl.org/rss/1.0/', 'http://my.netscape.com/rdf/simple/0.9/'];

/**
 * Classifies a dropped file by its content (`decoded`: its text, when the caller has decoded it
 * already). The name only breaks ties: copy that starts with '<' but is neither HTML nor a whole XML
 * document is HTML in a .html file, wire text otherwise.
 *
 * @throws UnprocessableDocumentError when its charset cannot be decoded.
 */
export function classifyDroppedFile(bytes: Uint8Array, fileName: string, decoded?: DecodedText): DroppedFileKind {
  // Transmissions are told by their control bytes (SOH header before STX), before any decoding.
  return looksLikeTransmission(bytes) ?? classifyText((decoded ?? decodeText(bytes)).text, fileName).kind;
}

/**
 * A dropped HTML page or wire-copy file → one raw document. Its article id is its content hash:
 * the same bytes dropped twice, or renamed, are the same article.
 *
 * @throws UnprocessableDocumentError for files over `maxBytes`, bodies over MAX_BODY_CHARS,
 *   undecodable charsets, feeds (which go through parseFeedDocument) and other XML (XML carrying
 *   DTD/entity declarations is refused as such; its DTD is never parsed).
 */
export function documentFromDroppedFile(bytes: Uint8Array, options: DocumentFromDroppedFileOptions): RawDocumentV1 {
  const { source, path } = options;
  assertWithinSize(bytes, options.maxBytes ?? DEFAULT_MAX_DOCUMENT_BYTES, path);
  const { text, charset } = options.decoded ?? decodeText(bytes, { contentType: options.contentType });
  const { kind, root } = classifyText(text, path);
  if (kind !== 'html' && kind !== 'wire-text') assertNoDtdDeclarations(text, path);
  if (kind === 'feed') {
    throw new UnprocessableDocumentError(`${path}: is a feed (root <${root}>), which parseFeedDocument reads, not a single document`, { code: ErrorCode.FORMAT_UNSUPPORTED });
  }
  const transmission = looksLikeTransmission(bytes);
  if (transmission) throw new UnprocessableDocumentError(`${path}: is an ${transmission === 'anpa' ? 'ANPA-1312' : 'IPTC 7901'} transmission, which parseTransmissionDocument reads`, { code: ErrorCode.FORMAT_UNSUPPORTED });
  if (kind === 'email') throw new UnprocessableDocumentError(`${path}: is an e-mail message (MIME), which parseEmailDocument reads, not a single document`, { code: ErrorCode.FORMAT_UNSUPPORTED });
  if (kind === 'ninjs') throw new UnprocessableDocumentError(`${path}: is IPTC ninjs (JSON), which parseNinjsDocument reads, not a single document`, { code: ErrorCode.FORMAT_UNSUPPORTED });
  if (kind === 'nitf' || kind === 'newsml-g2' || kind === 'newsml-1.2') {
    throw new UnprocessableDocumentError(`${path}: is a ${kind} document (root <${root}>), which parseWireXmlDocument reads`, { code: ErrorCode.FORMAT_UNSUPPORTED });
  }
  if (kind === 'xml-unsupported') {
    throw new UnprocessableDocumentError(
      root ? `${path}: unsupported XML document (root <${root}>)` : `${path}: markup with no element: only a declaration, comments or processing instructions`,
      { code: ErrorCode.FORMAT_UNRECOGNIZED },
    );
  }
  return buildRawDocument({
    source,
    documentUri: path,
    fetchedAt: options.fetchedAt,
    format: kind,
    charset,
    body: text,
    feedItem: null,
  });
}

function classifyText(text: string, fileName: string): { kind: Exclude<DroppedFileKind, TransmissionFormat>; root: string | null } {
  // Wire copy may open with transmission control codes (SOH, STX) before its text.
  const start = text.slice(leadingSpaceAndControls(text));
  if ((start.startsWith('{') || start.startsWith('[')) && looksLikeNinjs(start)) return { kind: 'ninjs', root: null };
  if (looksLikeEmail(start)) return { kind: 'email', root: null };
  if (!start.startsWith('<')) return { kind: 'wire-text', root: null };

  const root = rootElementName(start);
  const localName = root?.slice(root.indexOf(':') + 1).toLowerCase();
  if (root && localName) {
    if (localName === 'rss' || localName === 'feed') return { kind: 'feed', root };
    if (localName === 'rdf' && RSS1_NAMESPACES.some((namespace) => start.includes(namespace))) return { kind: 'feed', root };
    const wireXml = wireXmlFormatOf(root);
    if (wireXml) return { kind: wireXml, root };
    if (localName === 'html' || HTML_FRAGMENT_ROOTS.has(localName)) return { kind: 'html', root };
    // NITF has <head> and <body> too, so the root element decides before any HTML markers.
    if (start.startsWith('<?xml') || start.trimEnd().endsWith(`</${root}>`) || XML_FILE_NAME.test(fileName)) {
      return { kind: 'xml-unsupported', root };
    }
  }
  // Only an XML declaration, comments, processing instructions or a doctype: no document at all.
  if (!root && start.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!doctype[^>]*>/gi, '').trim() === '') return { kind: 'xml-unsupported', root: null };
  if (looksLikeHtml(start)) return { kind: 'html', root };
  // Copy that merely starts with '<': an HTML fragment if named so, else plain wire text.
  return { kind: HTML_FILE_NAME.test(fileName) ? 'html' : 'wire-text', root: null };
}

function leadingSpaceAndControls(text: string): number {
  let index = 0;
  for (let code = text.charCodeAt(index); code <= 0x20 || code === 0xa0 || code === 0xfeff; code = text.charCodeAt(index)) index++;
  return index;
}

function looksLikeHtml(start: string): boolean {
  return /<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]/i.test(start.slice(0, HTML_SNIFF_CHARS));
}
