/* eslint-disable no-control-regex -- transmissions are framed and laid out with ASCII control characters, which these patterns match */
import type { ArticleTable } from '@wirestream/contracts';

/**
 * One story read from a wire transmission (ANPA-1312 or IPTC 7901), whatever the standard: the
 * fields of its header and the copy between STX and ETX, with every control character gone.
 */
export interface TransmissionStory {
  /** ANPA service level designator ('W'), IPTC 7901 source identifier ('eca'); null when absent. */
  service: string | null;
  /** The transmission's message number ('2870', '062'); a sequence number, not the story's identity. */
  messageNumber: string | null;
  /** ANPA selector code ('asian'); null for '-----' (none) and for IPTC 7901. */
  selector: string | null;
  /** The agency that sent it: 'AP' (ANPA trailer), 'dpa' (IPTC 7901 header); null when unstated. */
  agency: string | null;
  /** The category code of the header ('l', 'i', 'rs'): the agency's own letters, not mapped. */
  category: string | null;
  /**
   * The story's keyword: ANPA's header keyword field ('BC-BKN--Heat-Hawks', at most 24 characters,
   * the same on every version of the story), IPTC 7901's keyword line ('Yemen/conflict').
   */
  keyword: string | null;
  /** Keywords to carry as categories: ANPA's slug as its keyword line spells it, IPTC 7901's keywords. */
  categories: string[];
  /** Which version this is: ANPA '1stLd-Writethru', IPTC 7901 take keys ('EXTRA', 'REFILE 1ST LEAD'). */
  version: string | null;
  /** The word count the header states. */
  wordCount: number | null;
  /** IPTC urgency, 1 (FLASH) to 9, from the header's priority. */
  urgency: number | null;
  headline: string | null;
  /** ANPA: a second headline line before the byline (AP's summary). */
  subheadline: string | null;
  byline: string | null;
  /** When the agency sent it (the trailer after ETX), ISO 8601 UTC; null when the trailer has no date. */
  publishedAt: string | null;
  /** `${selector or agency}:${keyword}`, so a later version of the story updates the same article. */
  guid: string | null;
  /** Paragraphs separated by blank lines; empty for a headline-only story (a FLASH). */
  body: string;
  /** Notes to editors the copy carries ('Eds: Corrects spelling…', 'Eds: Kill…'), kept out of the body. */
  notes: string[];
  /** Agate: tables of the copy as rows of cells, not in the body. */
  tables: ArticleTable[];
}

export interface TransmissionReading {
  stories: TransmissionStory[];
  /** Transmissions that carried no story, with the reason. */
  skipped: string[];
}

/** Framing characters of a transmission. */
export const SOH = '\x01';
export const STX = '\x02';
export const ETX = '\x03';
export const EOT = '\x04';

/** One transmission of a file: what lies between its SOH and STX, STX and ETX, ETX and EOT. */
export interface TransmissionParts {
  header: string;
  text: string;
  trailer: string;
}

/**
 * Each transmission of a file, split at SOH: its header, text and trailer. A transmission without
 * STX has no text: it is skipped with the reason. Text before the first SOH (SYN idles) is ignored.
 */
export function splitTransmissions(text: string, format: string): { parts: TransmissionParts[]; skipped: string[] } {
  const parts: TransmissionParts[] = [];
  const skipped: string[] = [];
  const pieces = text.split(SOH).slice(1);
  pieces.forEach((piece, index) => {
    const stx = piece.indexOf(STX);
    if (stx < 0) {
      skipped.push(`${format} transmission ${index + 1}: no STX, so no text`);
      return;
    }
    const eot = piece.indexOf(EOT, stx);
    const end = eot < 0 ? piece.length : eot;
    const etx = piece.indexOf(ETX, stx);
    const textEnd = etx >= 0 && etx < end ? etx : end;
    parts.push({
      header: piece.slice(0, stx),
      text: piece.slice(stx + 1, textEnd),
      trailer: textEnd < end ? piece.slice(textEnd + 1, end) : '',
    });
  });
  return { parts, skipped };
}

/** Lines of transmitted text: CR LF and lone CR end lines as LF does. */
export function linesOf(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n');
}

/** C0 controls but newline, DEL, and C1 controls (a Latin-1 reading of 0x80–0x9F). */
const CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f]/g;

/** A line as text: every control character (tab, BS, DLE…) a space, runs of spaces one, trimmed. */
export function cleanLine(line: string): string {
  return line.replace(CONTROL, ' ').replace(/ {2,}/g, ' ').trim();
}

/** Joins byline lines: 'By CHARLES ODUM' + 'AP Sports Writer' → 'By CHARLES ODUM, AP Sports Writer'. */
export function joinByline(parts: string[]): string | null {
  let byline = '';
  for (const part of parts.map(cleanLine).filter(Boolean)) byline = !byline ? part : /[,;]$/.test(byline) ? `${byline} ${part}` : `${byline}, ${part}`;
  return byline || null;
}

/** Distinct, non-empty values in order. */
export function distinct(values: Array<string | null | undefined>): string[] {
  return [...new Set(values.map((value) => value?.trim()).filter((value): value is string => !!value))];
}

/** A two-digit year as transmissions write it: 70–99 are the 1900s, the rest the 2000s. */
export function fullYear(year: string): number {
  const value = Number(year);
  if (year.length === 4) return value;
  return value >= 70 ? 1900 + value : 2000 + value;
}

/** A date-time in UTC as ISO 8601, or null when it does not exist (13th month, 31 June, 25:00). */
export function utcDateTime(year: number, month: number, day: number, hour: number, minute: number): string | null {
  if (hour > 23 || minute > 59 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString();
}

/** The guid that ties the versions of one story together, or null without a keyword. */
export function storyGuid(prefix: string | null, keyword: string | null): string | null {
  return keyword && prefix ? `${prefix}:${keyword}` : null;
}
