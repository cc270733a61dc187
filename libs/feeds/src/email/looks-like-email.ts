/**
 * Recognising e-mail (RFC 5322) by content, whatever the file is called, so that it is read as
 * mail (parseEmailDocument) rather than as text with its headers and MIME parts.
 */

/** How far into a document its header section is looked for. */
const HEADER_SCAN_CHARS = 64 * 1024;

/** An RFC 5322 header field: a name of printable ASCII but ':' (obsolete syntax allows blanks before the colon). */
const HEADER_FIELD = /^([!-9;-~]+)[ \t]*:/;

/** Fields only mail carries: one of them must be there. */
const MAIL_FIELDS = new Set(['from', 'sender', 'received', 'x-received', 'return-path', 'delivered-to', 'mime-version', 'message-id']);

/** Fields of a message's header section; two of them (one from MAIL_FIELDS) must be there. */
const KNOWN_FIELDS = new Set([
  ...MAIL_FIELDS,
  'date', 'subject', 'to', 'cc', 'bcc', 'reply-to', 'in-reply-to', 'references', 'keywords', 'comments',
  'content-type', 'content-transfer-encoding', 'content-language', 'dkim-signature', 'authentication-results',
  'received-spf', 'arc-seal', 'x-mailer', 'user-agent', 'importance', 'x-priority', 'thread-topic', 'thread-index',
  'list-id', 'resent-from', 'resent-date', 'resent-to', 'organization',
]);

/** The "From " line that starts each message in an mbox file ("From jdoe@example.com Mon Jan  6 09:30:00 2025"). */
const MBOX_FROM_LINE = /^From (?![ \t]*:)\S/;

/**
 * Whether text starts like an e-mail message: a header section of fields (folded lines allowed)
 * from the first line to an empty line, with at least two fields messages carry, one of them one
 * only mail carries (From, Received, Message-ID, MIME-Version, …). Blank lines and an mbox "From "
 * line before it are allowed.
 */
export function looksLikeEmail(text: string): boolean {
  const fields = headerFieldNames(text.slice(0, HEADER_SCAN_CHARS));
  if (!fields) return false;
  const known = new Set(fields.filter((name) => KNOWN_FIELDS.has(name)));
  return known.size >= 2 && [...known].some((name) => MAIL_FIELDS.has(name));
}

function headerFieldNames(text: string): string[] | null {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let index = 0;
  while (index < lines.length - 1 && /^[ \t]*$/.test(lines[index])) index++;
  if (MBOX_FROM_LINE.test(lines[index] ?? '')) index++;
  const names: string[] = [];
  for (; index < lines.length; index++) {
    const line = lines[index];
    if (line === '') break;
    if (/^[ \t]/.test(line)) {
      if (names.length === 0) return null;
      continue;
    }
    const field = HEADER_FIELD.exec(line);
    if (!field) return null;
    names.push(field[1].toLowerCase());
  }
  return names.length > 0 ? names : null;
}
