/* eslint-disable no-control-regex -- ANPA-1312 frames and lays out copy with ASCII control characters, which these patterns match */
import type { ArticleTable } from '@wirestream/contracts';
import { agateTable, alignedCells, delimitedCells, separatedCells } from './agate';
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
 * ANPA-1312 (AP and others): each transmission is SYN SYN SOH, a header, STX, the text, ETX, a
 * trailer, EOT; several may follow one another in a file.
 *
 *   SYN SYN SOH W2870 US asian                       service level, message number, US, selector code
 *   f l DC3 DC1 BC-LT--Argentina-CancerB     11-13 1049   priority, category, format codes, keyword,
 *                                                     version (1stLd-Writethru), date, word count
 *   STX ^BC-LT--Argentina-Cancer Beauty,466<         keyword line
 *   ^For Argentine chemo patients, mirrors can hurt <   headline (< ends a quad-left line)
 *   ^AP Photo XNP101…<   ^Eds: With AP Photos.<      photo and editor's notes
 *   ^By PAUL BYRNE and ALMUDENA CALATRAVA=           byline (= ends a centred line)
 *   ^Associated Press=
 *   TAB   BUENOS AIRES, Argentina (AP) _ For …       a paragraph per tab-indented line
 *   BS Baltimore;23;13;.639 …                        agate rows: BS (tab line indicator), ; or RS/US cells
 *                                                     (tables, kept out of the body: see agate.ts)
 *   TAB   ETX AP-WF-11-13-13 1509GMT<                 ETX, trailer: agency, date and time sent
 *   FF EOT
 */

/** ANPA priority letters as IPTC urgency (1 most urgent, 5 ordinary, 9 least). */
export const ANPA_PRIORITY_URGENCY: Readonly<Record<string, number>> = {
  f: 1, // flash
  b: 2, // bulletin
  u: 3, // urgent
  r: 5, // regular: IPTC's ordinary urgency
  d: 6, // deferred: may wait
  a: 8, // advisory: a notice to editors, not copy
};

/** First header line: service level designator, message number, US, selector code ('-----' for none). */
export const ANPA_SELECTOR_LINE = /^([A-Za-z])(\d{3,5})\x1f([^\s\x00-\x1f]*)/;
/** Second header line: priority, category, format codes (DC1–DC4), keyword, version, date, word count. */
export const ANPA_KEYWORD_LINE =
  /^([a-z])[ \t]+(?:([a-z]{1,2})(?=[\x11-\x14 \t]))?[\x11-\x14]*[ \t]*(\S+)(?:[ \t]+(.*?))?[ \t]+(\d{1,2}-\d{1,2})(?:[ \t]+(\d{1,5}))?[ \t]*$/i;
/** Trailer after ETX: `AP-WF-11-13-13 1509GMT`, agency, circuit, date (MM-DD-YY) and time sent. */
const TRAILER = /([A-Za-z]+)-[A-Za-z0-9]+-(\d{1,2})-(\d{1,2})-(\d{2}|\d{4})[ \t]+(\d{2}):?(\d{2})[ \t]*GMT/i;

/** A header line that is a picture, video or graphics note ('AP Photo XNP101, XNP102'). */
const MEDIA_NOTE = /^AP (?:Photos?|Video|Audio|Graphics?|Interactive|Multimedia)\b/i;
/** An editor's note: '^Eds: With AP Photos.<', '^(Eds: Minor edits.)<', "^EDITOR'S NOTE _ This is…<". */
const EDITORS_NOTE = /^\(?(?:Eds:|EDITOR['’]?S['’]? NOTE\b)/i;
/** A line that only names the priority ('FLASH', 'BULLETIN', 'APNewsAlert'). */
const PRIORITY_MARKER = /^(?:FLASH|BULLETIN|URGENT|AP ?NewsAlert)$/i;
/** The end-of-story mark some stories carry before ETX. */
const END_MARK = /^END$/i;
/** A byline line: 'By CHARLES ODUM'. */
const BYLINE = /^By\s+\S/i;
/** A line that continues a byline: the writer's title or the agency ('AP Sports Writer', 'Associated Press'). */
const BYLINE_TITLE = /^(?:The\s+)?Associated Press\b|^AP\b|\b(?:Writers?|Correspondents?|Editors?|Reporters?|Columnists?|Critics?|Analysts?)\b/i;
/** A keyword line's cycle prefix: BC- (both cycles), AM-, PM-, and AP- (AP's own packages). */
const CYCLE_KEYWORD = /^(?:AM|PM|BC|AP)-[A-Za-z0-9]/;
/** A story-number prefix before the keyword line ('^*9006< ^AP-Top-Entertainment-Headlines,0176<'). */
const STORY_NUMBER_PREFIX = /^\*\S*<\s*\^?/;

interface AnpaHeader {
  service: string | null;
  messageNumber: string | null;
  selector: string | null;
  priority: string | null;
  category: string | null;
  keyword: string | null;
  version: string | null;
  wordCount: number | null;
}

/** Every story of an ANPA-1312 file, in order. */
export function readAnpaTransmissions(text: string): TransmissionReading {
  const { parts, skipped } = splitTransmissions(text, 'ANPA');
  const stories: TransmissionStory[] = [];
  parts.forEach((part, index) => {
    const story = readAnpaStory(part);
    if (story.headline || story.body || story.tables.length > 0) stories.push(story);
    else skipped.push(`ANPA transmission ${index + 1}${story.keyword ? ` (${story.keyword})` : ''}: neither headline nor text`);
  });
  return { stories, skipped };
}

export function readAnpaHeader(header: string): AnpaHeader {
  const result: AnpaHeader = { service: null, messageNumber: null, selector: null, priority: null, category: null, keyword: null, version: null, wordCount: null };
  for (const line of linesOf(header)) {
    const selectorLine = ANPA_SELECTOR_LINE.exec(line);
    if (selectorLine && !result.service) {
      const [, service, number, selector] = selectorLine;
      result.service = service;
      result.messageNumber = number;
      result.selector = selector && !/^-*$/.test(selector) ? selector : null;
      continue;
    }
    const keywordLine = ANPA_KEYWORD_LINE.exec(line);
    if (keywordLine && !result.keyword) {
      const [, priority, category, keyword, version, , wordCount] = keywordLine;
      result.priority = priority.toLowerCase();
      result.category = category ?? null;
      result.keyword = keyword;
      result.version = version?.trim() || null;
      result.wordCount = wordCount ? Number(wordCount) : null;
    }
  }
  return result;
}

function readTrailer(trailer: string): { agency: string | null; sentAt: string | null } {
  const match = TRAILER.exec(trailer);
  if (!match) return { agency: null, sentAt: null };
  const [, agency, month, day, year, hour, minute] = match;
  return { agency: agency.toUpperCase(), sentAt: utcDateTime(fullYear(year), Number(month), Number(day), Number(hour), Number(minute)) };
}

/** A block of the copy: a paragraph (its lines), or agate rows (their cells). */
type Block =
  | { kind: 'prose'; lines: string[]; /** A `^` line of its own (a centred heading), which may name the table after it. */ heading?: boolean }
  | { kind: 'agate'; rows: string[][] };

/** Longest heading line read as the caption of the table right after it ('Eastern Conference', 'All Times EDT'). */
const MAX_CAPTION_CHARS = 60;

function readAnpaStory(part: TransmissionParts): TransmissionStory {
  const header = readAnpaHeader(part.header);
  const { agency, sentAt } = readTrailer(part.trailer);
  const copy = readAnpaText(part.text, header.keyword);
  const keyword = header.keyword ?? copy.slug;
  return {
    service: header.service,
    messageNumber: header.messageNumber,
    selector: header.selector,
    agency,
    category: header.category,
    keyword,
    categories: distinct([copy.slug ?? keyword]),
    version: header.version ?? copy.slugVersion,
    wordCount: header.wordCount,
    urgency: header.priority ? (ANPA_PRIORITY_URGENCY[header.priority] ?? null) : null,
    headline: copy.headline,
    subheadline: copy.subheadline,
    byline: copy.byline,
    publishedAt: sentAt,
    guid: storyGuid(header.selector ?? agency ?? 'anpa', keyword),
    body: copy.body,
    notes: copy.notes,
    tables: copy.tables,
  };
}

interface AnpaCopy {
  /** The keyword as the keyword line spells it ('BC-LT--Argentina-Cancer Beauty'). */
  slug: string | null;
  /** The version the keyword line names ('1st Ld-Writethru'). */
  slugVersion: string | null;
  headline: string | null;
  subheadline: string | null;
  byline: string | null;
  body: string;
  /** Editor's notes ('Eds: With AP Photos.'), in order. */
  notes: string[];
  /** Agate: the rows of its tables, not in the body. */
  tables: ArticleTable[];
}

/**
 * The text between STX and ETX. `^` lines before the first paragraph are the header block:
 * keyword line, headline, a summary (subheadline), picture and editor's notes (dropped), the
 * byline with its title lines; other `^` lines (centred subheads in tables, 'All Times EDT') are
 * copy. A tab starts a paragraph, a line without one continues it; BS starts an agate row, and a
 * tab-indented line shaped as a row (agate.ts) is one too. Agate rows make tables, each captioned by
 * a heading line right before it; the body is the prose alone.
 */
export function readAnpaText(text: string, headerKeyword: string | null): AnpaCopy {
  const copy: AnpaCopy = { slug: null, slugVersion: null, headline: null, subheadline: null, byline: null, body: '', notes: [], tables: [] };
  const blocks: Block[] = [];
  const bylineParts: string[] = [];
  let current: Block | null = null;
  let inHeaderBlock = true;
  let bylineOpen = false;
  let firstLine = true;

  const close = () => {
    if (current && (current.kind === 'agate' ? current.rows : current.lines).length > 0) blocks.push(current);
    current = null;
  };
  const addParagraph = (line: string, heading = false) => {
    close();
    blocks.push({ kind: 'prose', lines: [line], ...(heading ? { heading } : {}) });
  };
  const addRow = (cells: string[]) => {
    if (current?.kind !== 'agate') {
      close();
      current = { kind: 'agate', rows: [] };
    }
    current.rows.push(cells);
  };

  for (const line of linesOf(text)) {
    if (!cleanLine(line)) {
      close();
      continue;
    }
    const isFirst = firstLine;
    firstLine = false;
    if (/^[ \t]*\x08/.test(line)) {
      inHeaderBlock = false;
      bylineOpen = false;
      const row = agateRow(line);
      if (row) addRow(row);
      continue;
    }
    if (line.startsWith('^')) {
      const { content, end } = unframe(line.slice(1));
      if (isFirst && isKeywordLine(content, headerKeyword)) {
        const [slug, ...rest] = content.replace(STORY_NUMBER_PREFIX, '').split(',');
        copy.slug = cleanLine(slug) || null;
        copy.slugVersion = rest.map(cleanLine).find((piece) => piece && !/^\d+$/.test(piece)) ?? null;
        continue;
      }
      if (EDITORS_NOTE.test(content)) copy.notes.push(content);
      if (!content || MEDIA_NOTE.test(content) || EDITORS_NOTE.test(content)) continue;
      if (END_MARK.test(content)) {
        close();
        continue;
      }
      if (inHeaderBlock) {
        if (PRIORITY_MARKER.test(content)) continue;
        if (BYLINE.test(content) && (bylineParts.length === 0 || bylineOpen)) {
          bylineParts.push(content);
          bylineOpen = true;
          continue;
        }
        if (bylineOpen && BYLINE_TITLE.test(content)) {
          bylineParts.push(content);
          continue;
        }
        bylineOpen = false;
        if (copy.headline === null && bylineParts.length === 0) {
          copy.headline = anpaTypography(content);
          continue;
        }
        if (end === '<' && copy.subheadline === null && bylineParts.length === 0) {
          copy.subheadline = anpaTypography(content);
          continue;
        }
      }
      addParagraph(content, true);
      continue;
    }
    inHeaderBlock = false;
    bylineOpen = false;
    const { content } = unframe(line);
    // A table sent as tab-indented lines ('Amsterdam;42;50;rn;0.08<', 'Harbor City   23   13'): rows of one block.
    const row = /^[ \t]/.test(line) ? (delimitedCells(content) ?? alignedCells(stripLineEnd(line).rest)) : null;
    if (row) addRow(row);
    else if (/^[ \t]/.test(line) || current?.kind !== 'prose') {
      close();
      if (EDITORS_NOTE.test(content)) {
        copy.notes.push(content);
        continue;
      }
      current = { kind: 'prose', lines: [content] };
    } else current.lines.push(content);
  }
  close();
  // A rule closing the copy ('___') separates nothing.
  const isRule = (block: Block | undefined) => block?.kind === 'prose' && block.lines.every((line) => /^_+$/.test(line));
  while (isRule(blocks[blocks.length - 1])) blocks.pop();

  copy.byline = joinByline(bylineParts);
  const prose: string[] = [];
  blocks.forEach((block, index) => {
    if (block.kind === 'agate') {
      const before = blocks[index - 1];
      const caption = before?.kind === 'prose' && before.heading && before.lines[0].length <= MAX_CAPTION_CHARS ? before.lines[0] : null;
      if (caption) prose.pop();
      copy.tables.push(agateTable(block.rows, caption));
    } else prose.push(anpaTypography(block.lines.map(cleanLine).join(' ')));
  });
  copy.body = prose.filter(Boolean).join('\n\n');
  return copy;
}

/** A line without its `<` (quad left) or `=` (quad centre) line end, and which of them it had. */
function stripLineEnd(line: string): { rest: string; end: '<' | '=' | null } {
  const match = /[ \t]*([<=])[ \t\r]*$/.exec(line);
  return match ? { rest: line.slice(0, match.index), end: match[1] as '<' | '=' } : { rest: line, end: null };
}

/** A line as text, without its line-end framing. */
function unframe(line: string): { content: string; end: '<' | '=' | null } {
  const { rest, end } = stripLineEnd(line);
  return { content: cleanLine(rest), end };
}

/**
 * The keyword line opening the text: it repeats the header's keyword, spaced out and with the
 * version ('BC-BKN--Heat-Hawks, 1st Ld-Writethru,416' for 'BC-BKN--Heat-Hawks'); without a header
 * keyword, or spelt otherwise, a line with a cycle prefix ('BC-', 'AM-', 'PM-', 'AP-') ending in
 * its word count.
 */
function isKeywordLine(content: string, headerKeyword: string | null): boolean {
  const line = content.replace(STORY_NUMBER_PREFIX, '');
  if (headerKeyword && line.replace(/\s+/g, '').toLowerCase().startsWith(headerKeyword.toLowerCase())) return true;
  return CYCLE_KEYWORD.test(line) && (!headerKeyword || /,\s*\d*$/.test(line));
}

/**
 * An agate row's cells: without its BS (tab line indicator), leading `^` and line end; cells
 * separated by ';', by RS/US (padding cells dropped), or aligned; a DLE (a fixed space: 'Tampa DLE
 * Bay') a space. Null for a row with no text.
 */
function agateRow(line: string): string[] | null {
  const { rest } = stripLineEnd(line.replace(/^[ \t]*\x08/, '').replace(/^\^/, ''));
  return separatedCells(rest);
}

/**
 * ANPA copy is 7-bit: AP writes a dash as `_` standing alone, opening double quotes as two
 * backquotes and closing ones as two apostrophes, an opening single quote as a backquote. Prose
 * gets the characters meant ('(AP) _ For' → '(AP) — For'); agate rows keep theirs.
 */
export function anpaTypography(text: string): string {
  return text
    .replace(/``/g, '“')
    .replace(/''/g, '”')
    .replace(/`/g, '‘')
    .replace(/(^|\s)_(?=\s|$)/g, '$1—');
}
