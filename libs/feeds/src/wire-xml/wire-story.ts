import type { ArticleTable, WireStatus } from '@wirestream/contracts';
import { parseFeedDate } from '../feed-date';

/** One story read from an IPTC NITF document or a NewsML-G2 newsItem, whatever the standard. */
export interface WireStory {
  /** NITF doc-id, NewsML-G2 newsItem guid; null when the document has none. */
  guid: string | null;
  /** NewsML-G2 item version; null for NITF. */
  version: string | null;
  headline: string | null;
  subheadline: string | null;
  byline: string | null;
  /** The dateline as the document gives it ("NEW YORK", "Tegucigalpa, Jan 2"); null when absent. */
  dateline: string | null;
  /** When the story was first issued/created, ISO 8601 UTC. */
  publishedAt: string | null;
  /** When this version was created or last modified, ISO 8601 UTC. */
  updatedAt: string | null;
  language: string | null;
  /** Keywords and subject names, in document order, distinct. */
  keywords: string[];
  /** Body text: paragraphs separated by blank lines; empty for a headline-only item (a FLASH). */
  body: string;
  /** The copy's data tables as rows of cells (xml-tables.ts), not in the body. */
  tables: ArticleTable[];
  /** IPTC urgency, 1 (most urgent) to 9, when the document states one. */
  urgency: number | null;
  /** Agency id, version, publication status, embargo and correction, as the document states them. */
  wire: WireStatus;
}

/** A NewsML-G2 packageItem: an ordered list of references to other items. */
export interface WirePackage {
  guid: string | null;
  headline: string | null;
  items: WirePackageReference[];
}

export interface WirePackageReference {
  /** The referenced item's guid (itemRef residref). */
  guid: string;
  version: string | null;
  headline: string | null;
  /** True when the referenced item travels in the same message, so it is emitted as a story. */
  included: boolean;
}

const ISO_BASIC = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})?(?:[.,]\d+)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Dates as NITF and NewsML-G2 write them: ISO 8601 basic ('20151210T191044Z', '20170102T222800+0000')
 * or extended ('2018-02-26T21:20:34Z'), else the feed date forms. Null when unreadable.
 */
export function parseWireDate(raw: string | null | undefined): string | null {
  const value = raw?.trim();
  if (!value) return null;
  const basic = ISO_BASIC.exec(value);
  if (basic) {
    const [, year, month, day, hour, minute, second = '00', zone = 'Z'] = basic;
    const offset = zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
    return parseFeedDate(`${year}-${month}-${day}T${hour}:${minute}:${second}${offset}`);
  }
  return parseFeedDate(value);
}

/** An IPTC urgency (1–9) from its text, or null. */
export function parseUrgency(raw: string | null | undefined): number | null {
  const value = Number(raw?.trim());
  return Number.isInteger(value) && value >= 1 && value <= 9 ? value : null;
}

export function distinct(values: Array<string | null | undefined>): string[] {
  return [...new Set(values.map((value) => value?.trim()).filter((value): value is string => !!value))];
}
