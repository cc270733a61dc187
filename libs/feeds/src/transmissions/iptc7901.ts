import type { ArticleTable } from '@wirestream/contracts';
import { agateTable, alignedCells, delimitedCells } from './agate';
import {
  cleanLine,
  distinct,
  fullYear,
  joinByline,
  linesOf,
  splitTransmissions,
  storyGuid,
  utcDateTime,
  type TransmissionParts,
  type TransmissionReading,
  type TransmissionStory,
} from './transmission-story';

/**
 * IPTC 7901 (dpa and others): SOH, a header line, keyword line(s), STX, the story, ETX, a trailer,
 * EOT.
 *
 *   SOH eca062 4 i 211 ccccb   dpa 061          source and message number, priority, category,
 *                                               word count, optional fields, agency, its number
 *   Germany-politics/                           keyword line: keywords ending in '/'
 *   STX EXTRA                                   take keys ('EXTRA', 'REFILE', '1ST LEAD'), then
 *   Peace talks on Yemen … Mattis says =        the headline; '=' ends the head (the headline, or
 *   By Manuel Schwarz, dpa =                    the byline lines after it)
 *
 *   Washington (dpa) - US Defence …             paragraphs: hard-wrapped lines, blank lines between
 *   # Notebook / ## Note to editors / * * * *   notes to editors after the story
 *   Harbor City    23   13   .639               a paragraph of rows (aligned or ';'): a table,
 *                                               kept out of the body (agate.ts)
 *   dpa grj rmo                                 sign-off: agency and editors' initials
 *   ETX 212101 GMT Nov 18                        DDHHMM GMT, month, two-digit year
 */

/** The header line: source identifier and message number, priority, category, word count, the rest. */
export const IPTC7901_HEADER_LINE = /^([A-Za-z]*)(\d+)[ \t]+(\d)[ \t]+([A-Za-z]{1,3})[ \t]+(\d{1,6})(?:[ \t]+(.*?))?[ \t]*$/;
/** Trailer after ETX: '131137 GMT Nov 13' (day, hour, minute, GMT, month, two-digit year). */
const TRAILER = /(\d{2})(\d{2})(\d{2})[ \t]*(?:GMT|UTC)?[ \t]+([A-Za-zäÄ]{3,4})\.?[ \t]+(\d{2}|\d{4})\b/;
/** Month abbreviations, English and German (dpa writes 'Okt', 'Dez', 'Mär'). */
const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, mär: 3, mrz: 3, apr: 4, may: 5, mai: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, okt: 10, nov: 11, dec: 12, dez: 12,
};
/** A byline in the head: 'By Tom Krasovic, The San Diego Union-Tribune'. */
const BYLINE = /^(?:By|Von|Par|Por|Door)\s+\S/;
/** Where notes to editors begin: a Markdown heading ('# dpa NOTEBOOK', '## Note to editors'). */
const NOTES_HEADING = /^#{1,6}\s+\S/;
const NOT_FOR_PUBLICATION = /\bnot (?:intended )?for publication\b/i;
/** A rule line ('* * * *') before the not-for-publication notes. */
const RULE = /^[*\-=_ ]+$/;

/** Every story of an IPTC 7901 file, in order. */
export function readIptc7901Transmissions(text: string): TransmissionReading {
  const { parts, skipped } = splitTransmissions(text, 'IPTC 7901');
  const stories: TransmissionStory[] = [];
  parts.forEach((part, index) => {
    const story = readIptc7901Story(part);
    if (story.headline || story.body) stories.push(story);
    else skipped.push(`IPTC 7901 transmission ${index + 1}${story.keyword ? ` (${story.keyword})` : ''}: neither headline nor text`);
  });
  return { stories, skipped };
}

interface Iptc7901Header {
  service: string | null;
  messageNumber: string | null;
  priority: number | null;
  category: string | null;
  wordCount: number | null;
  agency: string | null;
  keyword: string | null;
  keywords: string[];
}

export function readIptc7901Header(header: string): Iptc7901Header {
  const lines = linesOf(header).map(cleanLine).filter(Boolean);
  const match = lines.length > 0 ? IPTC7901_HEADER_LINE.exec(lines[0]) : null;
  const keywordLines = match ? lines.slice(1) : lines;
  const keywords = keywordLines.flatMap((line) => line.split('/')).map((keyword) => keyword.trim());
  const result: Iptc7901Header = {
    service: null,
    messageNumber: null,
    priority: null,
    category: null,
    wordCount: null,
    agency: null,
    keyword: keywords.filter(Boolean).join('/') || null,
    keywords: distinct(keywords),
  };
  if (match) {
    const [, service, number, priority, category, wordCount, rest = ''] = match;
    // The fields after the word count: optional ones, then the agency, then often its own number.
    const fields = rest.split(/\s+/).filter(Boolean);
    const agency = /^\d+$/.test(fields[fields.length - 1] ?? '') ? fields[fields.length - 2] : fields[fields.length - 1];
    Object.assign(result, {
      service: service || null,
      messageNumber: number,
      priority: Number(priority) >= 1 ? Number(priority) : null,
      category,
      wordCount: Number(wordCount),
      agency: agency && /^[A-Za-z][A-Za-z-]*$/.test(agency) ? agency : null,
    });
  }
  return result;
}

function readTrailer(trailer: string): string | null {
  const match = TRAILER.exec(cleanLine(trailer));
  if (!match) return null;
  const [, day, hour, minute, monthName, year] = match;
  const month = MONTHS[monthName.toLowerCase()];
  return month ? utcDateTime(fullYear(year), month, Number(day), Number(hour), Number(minute)) : null;
}

function readIptc7901Story(part: TransmissionParts): TransmissionStory {
  const header = readIptc7901Header(part.header);
  const copy = readIptc7901Text(part.text, header.agency);
  return {
    service: header.service,
    messageNumber: header.messageNumber,
    selector: null,
    agency: header.agency,
    category: header.category,
    keyword: header.keyword,
    categories: header.keywords,
    version: copy.version,
    wordCount: header.wordCount,
    urgency: header.priority,
    headline: copy.headline,
    subheadline: null,
    byline: copy.byline,
    publishedAt: readTrailer(part.trailer),
    guid: storyGuid(header.agency ?? header.service ?? 'iptc7901', header.keyword),
    body: copy.body,
    notes: [],
    tables: copy.tables,
  };
}

interface Iptc7901Copy {
  version: string | null;
  headline: string | null;
  byline: string | null;
  body: string;
  tables: ArticleTable[];
}

/**
 * The story between STX and ETX. Its first paragraph is the head when it ends in '=': take keys,
 * the headline and byline lines. Without one, the first line is the headline. Paragraphs are
 * separated by blank lines and their hard-wrapped lines joined; the notes to editors after the
 * copy and the sign-off line are left out. A paragraph of table rows (after a caption line or not)
 * is a table, not prose.
 */
export function readIptc7901Text(text: string, agency: string | null): Iptc7901Copy {
  // Each paragraph as its lines as sent (their spacing may lay out a table) and cleaned.
  const paragraphs = paragraphsOf(text).map((raw) => ({ raw, lines: raw.map(cleanLine) }));
  const copy: Iptc7901Copy = { version: null, headline: null, byline: null, body: '', tables: [] };
  const head = paragraphs.shift();
  if (head) {
    const { lines } = head;
    if (/=\s*$/.test(lines[lines.length - 1])) Object.assign(copy, readHead(lines.map((line) => line.replace(/\s*=\s*$/, ''))));
    else {
      copy.headline = lines[0];
      if (lines.length > 1) paragraphs.unshift({ raw: head.raw.slice(1), lines: lines.slice(1) });
    }
  }

  let end = paragraphs.findIndex(({ lines }) => NOTES_HEADING.test(lines[0]) || lines.some((line) => NOT_FOR_PUBLICATION.test(line)));
  if (end < 0) end = paragraphs.length;
  while (end > 0 && paragraphs[end - 1].lines.every((line) => RULE.test(line))) end--;
  const story: string[] = [];
  for (const paragraph of paragraphs.slice(0, end)) {
    const table = tableOf(paragraph.raw);
    if (table) copy.tables.push(table);
    else story.push(paragraph.lines.join(' '));
  }
  if (story.length > 0 && isSignOff(story[story.length - 1], agency)) story.pop();
  copy.body = story.join('\n\n');
  return copy;
}

/** Fewest rows a paragraph of aligned lines needs to be a table (one such line may be prose). */
const MIN_TABLE_ROWS = 2;

/**
 * A paragraph as a table: every line a row (agate.ts), or a caption line and then rows; null when
 * it is prose.
 */
function tableOf(lines: string[]): ArticleTable | null {
  const rowOf = (line: string) => delimitedCells(line) ?? alignedCells(line);
  const first = rowOf(lines[0]);
  const rows = lines.slice(first ? 0 : 1).map(rowOf);
  if (rows.length < MIN_TABLE_ROWS || rows.some((row) => row === null)) return null;
  return agateTable(rows as string[][], first ? null : cleanLine(lines[0]));
}

/** The head's lines: take keys first (in capitals, or in parentheses), the headline, bylines. */
function readHead(lines: string[]): Omit<Iptc7901Copy, 'body' | 'tables'> {
  const rest = lines.filter(Boolean);
  const bylineAt = rest.findIndex((line, index) => index > 0 && BYLINE.test(line));
  const byline = bylineAt > 0 ? joinByline(rest.splice(bylineAt)) : null;
  const takeKeys: string[] = [];
  while (rest.length > 1 && (!/\p{Ll}/u.test(rest[0]) || /^\(.*\)$/.test(rest[0]))) takeKeys.push(rest.shift() as string);
  return { version: takeKeys.join(' ') || null, headline: rest.join(' ') || null, byline };
}

/** The text's paragraphs (blank lines between them) as their non-blank lines, spacing as sent. */
function paragraphsOf(text: string): string[][] {
  const paragraphs: string[][] = [];
  let current: string[] = [];
  for (const line of linesOf(text)) {
    if (cleanLine(line)) current.push(line);
    else if (current.length > 0) {
      paragraphs.push(current);
      current = [];
    }
  }
  if (current.length > 0) paragraphs.push(current);
  return paragraphs;
}

/** The sign-off closing the copy: the agency and editors' initials ('dpa wsz jln npr'). */
function isSignOff(paragraph: string, agency: string | null): boolean {
  const match = /^([a-z][a-z-]*)(?:\s+[a-z]{2,4}){1,8}$/.exec(paragraph);
  if (!match || !agency) return false;
  const first = match[1].toLowerCase();
  return first === agency.toLowerCase() || first === agency.toLowerCase().split('-')[0];
}
