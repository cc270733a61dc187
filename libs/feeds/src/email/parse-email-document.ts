import { ErrorCode, UnprocessableDocumentError, type RawDocumentV1 } from '@wirestream/contracts';
import PostalMime from 'postal-mime';
import { canonicalCharset } from '../charset-labels';
import { parseFeedDate } from '../feed-date';
import { assertWithinSize, storyUri, wireStoryDocument } from '../raw-document';
import { DEFAULT_MAX_DOCUMENT_BYTES, type SourceRef } from '../source-ref';
import { textBody } from '../text-body';
import { cleanField, fromC1, mailboxName, withoutForwardedHeaders, withoutSignature, wordsIn } from './email-text';

/**
 * E-mail (RFC 5322 / MIME) as raw documents, read by postal-mime (no dependencies, maintained with
 * Nodemailer, Node ≥ 20): headers and RFC 2047 encoded words decoded, every part in its own
 * charset and transfer encoding, multipart/alternative and nested multiparts taken apart.
 *
 * One message → one 'feed-item' document: Subject (without Re:/Fwd: prefixes) → headline; From's
 * display name → byline; Date → published; Message-ID → guid (the same message dropped twice is
 * one article); Keywords → categories. The body is the text/plain alternative when it is good (not
 * empty, and not much shorter than the HTML one: some mailers send a stub), else the HTML
 * alternative as given, which the normalizer turns into text as it does any feed item's HTML. A
 * signature after the '-- ' line is left out, and so are the header blocks of forwarded messages; a
 * message that opens with one (forwarded as it came) takes its byline and date from it. Attachments are not read: each is named in the
 * document's processing notes. An mbox file (messages each after a 'From ' line) gives one
 * document per message.
 */

export interface ParseEmailOptions {
  source: SourceRef;
  documentUri: string;
  fetchedAt: Date;
  /** Larger files are refused unread; default 5 MiB. */
  maxBytes?: number;
}

export interface ParsedEmailDocument {
  documents: RawDocumentV1[];
  /** Messages that held neither a subject nor text, with the reason. */
  skipped: string[];
}

/** Plain text with fewer words than this share of the HTML alternative's is a stub ("view this in a browser"). */
const PLAIN_TEXT_MIN_SHARE = 0.5;
/** Reply and forward prefixes of a subject: 'Re:', 'Fwd:', 'FW:', 'AW:', 'WG:', 'SV:' (several, any case). */
const REPLY_PREFIXES = /^(?:\s*(?:re|fwd?|aw|wg|sv|tr|rv)\s*(?:\[\d+\])?\s*:)+\s*/i;
/** The 'From ' line that starts each message of an mbox file. */
const MBOX_FROM_LINE = /^From (?![ \t]*:)\S[^\n]*\n/;

export async function parseEmailDocument(bytes: Uint8Array, options: ParseEmailOptions): Promise<ParsedEmailDocument> {
  const what = options.documentUri;
  assertWithinSize(bytes, options.maxBytes ?? DEFAULT_MAX_DOCUMENT_BYTES, what);
  const messages = mboxMessages(bytes);
  const documents: RawDocumentV1[] = [];
  const skipped: string[] = [];
  for (const [index, message] of messages.entries()) {
    const label = messages.length > 1 ? `${what} message ${index + 1}` : what;
    const document = await readMessage(message, { ...options, documentUri: storyUri(what, messages.length, `message-${index + 1}`) }, label);
    if (document) documents.push(document);
    else skipped.push(`${label}: neither a subject nor text`);
  }
  if (documents.length === 0) {
    throw new UnprocessableDocumentError(`${what}: an e-mail with neither a subject nor text`, { code: ErrorCode.BODY_EMPTY });
  }
  return { documents, skipped };
}

async function readMessage(bytes: Uint8Array, options: ParseEmailOptions, label: string): Promise<RawDocumentV1 | null> {
  let email: PostalMime.Email;
  try {
    email = await PostalMime.parse(bytes, { attachmentEncoding: 'arraybuffer' });
  } catch (error) {
    throw new UnprocessableDocumentError(`${label}: not a readable MIME message (${error instanceof Error ? error.message : String(error)})`, {
      code: ErrorCode.DOCUMENT_UNPROCESSABLE,
      cause: error,
    });
  }
  const header = (name: string) => email.headers.find((entry) => entry.key === name)?.value ?? null;
  const headline = cleanField((email.subject ?? '').replace(REPLY_PREFIXES, '')) || null;
  const { body, notes, forwarded } = chooseBody(email);
  if (!headline && !body) return null;
  // A message forwarded as it came: its writer and date are those of the forwarded one.
  const forwardedFrom = forwarded?.get('from');

  const attachments = email.attachments.filter((attachment) => !attachment.related);
  const attachmentNotes = attachments.map(
    (attachment) => `e-mail attachment not read: ${attachment.filename ? `${cleanField(attachment.filename)} ` : ''}(${attachment.mimeType})`,
  );
  return wireStoryDocument(
    {
      guid: cleanField(email.messageId ?? '') || null,
      headline,
      subheadline: null,
      byline: forwardedFrom !== undefined ? mailboxName({ name: forwardedFrom.replace(/\s*[<[(].*$/, ''), address: '' }) : mailboxName(email.from),
      dateline: null,
      publishedAt: parseFeedDate(forwarded?.get('date') ?? forwarded?.get('sent') ?? null) ?? parseFeedDate(header('date')),
      urgency: null,
      categories: (header('keywords') ?? '').split(',').map((keyword) => cleanField(PostalMime.decodeWords(keyword))).filter(Boolean),
      body,
      processingNotes: [...notes, ...attachmentNotes],
    },
    { source: options.source, documentUri: options.documentUri, fetchedAt: options.fetchedAt, charset: firstCharset(bytes) },
  );
}

/**
 * The message's copy: its text/plain alternative, signature left out, when it is good; else its
 * HTML alternative as given (the normalizer reads markup); plain text that would read as markup is
 * escaped into HTML paragraphs.
 */
function chooseBody(email: PostalMime.Email): { body: string; notes: string[]; forwarded: Map<string, string> | null } {
  const { text: unforwarded, forwarded } = withoutForwardedHeaders(fromC1(email.text ?? '').replace(/\r\n?/g, '\n'));
  const text = withoutSignature(unforwarded).trim();
  const html = fromC1(email.html ?? '').trim();
  const htmlWords = html ? wordsIn(html.replace(/<(script|style|head)\b[\s\S]*?<\/\1\s*>|<[^>]*>/gi, ' ')) : 0;
  if (text && wordsIn(text) >= htmlWords * PLAIN_TEXT_MIN_SHARE) return { body: textBody(text), notes: [], forwarded };
  if (html) return { body: html, notes: text ? ['e-mail: its plain-text part was much shorter than its HTML part, which was read instead'] : [], forwarded: null };
  return { body: '', notes: [], forwarded: null };
}

/**
 * The messages of an mbox file (each after a 'From ' line that starts the file or follows an empty
 * line), or the one message of a file, without the blank lines some senders put before the header.
 */
function mboxMessages(bytes: Uint8Array): Uint8Array[] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const start = /^[ \t\r\n]*/.exec(text)![0].length;
  if (!MBOX_FROM_LINE.test(text.slice(start, start + 1024))) return [bytes.subarray(start)];
  const fromLines: Array<{ at: number; end: number }> = [];
  const pattern = new RegExp(MBOX_FROM_LINE.source, 'gm');
  for (const match of text.matchAll(pattern)) {
    if (match.index === start || /\n\r?\n$/.test(text.slice(Math.max(0, match.index - 3), match.index))) fromLines.push({ at: match.index, end: match.index + match[0].length });
  }
  return fromLines.map((line, index) => bytes.subarray(line.end, fromLines[index + 1]?.at ?? text.length));
}

/** The first charset a part declares ('us-ascii', MIME's default, when none does): what the raw document says it was decoded from. */
function firstCharset(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 256 * 1024)).toString('latin1');
  const declared = /\bcharset\s*=\s*"?([A-Za-z0-9._:-]+)/i.exec(head)?.[1];
  return declared ? (canonicalCharset(declared) ?? declared.toLowerCase()) : 'us-ascii';
}
