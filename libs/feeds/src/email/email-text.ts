import iconv from 'iconv-lite';
import type PostalMime from 'postal-mime';

/* eslint-disable no-control-regex -- text from mail loses its control characters */
/** C1 control characters (U+0080–U+009F). */
const C1 = /[\u0080-\u009f]/g;
const HAS_C1 = /[\u0080-\u009f]/;
/** Control characters a one-line field never holds: C0 (tab and line breaks too) and DEL. */
const FIELD_CONTROLS = /[\u0000-\u001f\u007f]+/g;
/* eslint-enable no-control-regex */

/**
 * Text with its C1 controls read as the windows-1252 characters of the same byte: a part labelled
 * ISO-8859-1 or windows-1252 means windows-1252 (as browsers read it), and Node 20's TextDecoder
 * gives C1 controls for 0x80–0x9F ('–' arrives as U+0096). Those windows-1252 leaves unassigned go.
 */
export function fromC1(text: string): string {
  if (!HAS_C1.test(text)) return text;
  return text.replace(C1, (character) => {
    const decoded = iconv.decode(Buffer.from([character.charCodeAt(0)]), 'windows-1252');
    return /^[\u0080-\u009f\ufffd]?$/.test(decoded) ? '' : decoded;
  });
}

/** A one-line header value as text: control characters a space, C1 as windows-1252, spaces collapsed, trimmed. */
export function cleanField(value: string): string {
  return fromC1(value).replace(FIELD_CONTROLS, ' ').replace(/\s+/g, ' ').trim();
}

/** The display name of the sender ('Jane Doe' of 'Jane Doe <jane@agency.example>'), or null for a bare address. */
export function mailboxName(from: PostalMime.Address | undefined): string | null {
  const name = cleanField(from?.name ?? '').replace(/^["']+|["']+$/g, '').trim();
  // Some mailers repeat the address as the name: that is no byline.
  return name && !name.includes('@') ? name : null;
}

/** Lines after a bare '--' (no space) that still make a signature, not a rule in the copy. */
const BARE_SEPARATOR_MAX_LINES = 10;

/**
 * Text without its signature: from the last line that is only '-- ' (RFC 3676's signature
 * separator) to the end; or from a bare '--' line (some mailers lose the space) when no more than
 * a few lines follow it.
 */
export function withoutSignature(text: string): string {
  const lines = text.split('\n');
  for (let index = lines.length - 1; index >= 0; index--) {
    const line = lines[index].replace(/\r$/, '');
    if (line === '-- ' || (line === '--' && lines.length - index - 1 <= BARE_SEPARATOR_MAX_LINES)) return lines.slice(0, index).join('\n');
  }
  return text;
}

/** The line that opens a forwarded message in its text: Gmail's, Apple Mail's, Outlook's, Thunderbird's. */
const FORWARD_MARKER = /^[ \t>]*(?:-{2,}\s*(?:Forwarded message|Original Message|Ursprüngliche Nachricht|Message transféré|Weitergeleitete Nachricht)\s*-*|Begin forwarded message:|-{2,}\s*Forwarded by .*-{2,})[ \t]*$/i;
/** A header line of a forwarded message's block ('From: Desk <desk@wire.example>', 'Sent: Monday…'). */
const FORWARDED_HEADER = /^[ \t>]*(?:\*\*)?([A-Za-zÀ-ÿ-]{2,20})(?:\*\*)?[ \t]*:[ \t]*(.*)$/;

export interface ForwardedText {
  /** The text without the forwarded messages' header blocks. */
  text: string;
  /** The first forwarded block's fields by lowercase name ('from', 'date', 'sent', 'subject'), when the text opens with one. */
  forwarded: Map<string, string> | null;
}

/**
 * Text without the header blocks that forwarding puts in it ('---------- Forwarded message
 * ---------' and its From/Date/Subject/To lines): they are mail furniture, not copy. When the text
 * opens with such a block (the desk forwarded the agency's mail as it came), its fields are given
 * too, for the story's byline and date.
 */
export function withoutForwardedHeaders(text: string): ForwardedText {
  const lines = text.split('\n');
  const kept: string[] = [];
  let forwarded: Map<string, string> | null = null;
  for (let index = 0; index < lines.length; index++) {
    if (!FORWARD_MARKER.test(lines[index])) {
      kept.push(lines[index]);
      continue;
    }
    const fields = new Map<string, string>();
    let next = index + 1;
    for (; next < lines.length; next++) {
      const field = FORWARDED_HEADER.exec(lines[next]);
      if (!field) break;
      fields.set(field[1].toLowerCase(), field[2].trim());
    }
    if (fields.size === 0) {
      kept.push(lines[index]);
      continue;
    }
    if (!forwarded && kept.every((line) => !line.trim())) forwarded = fields;
    index = next - 1;
  }
  return { text: kept.join('\n'), forwarded };
}

/** How many words a text holds (runs of letters or digits). */
export function wordsIn(text: string): number {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}
