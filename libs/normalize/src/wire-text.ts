import type { Dateline } from '@wirestream/contracts';
import { parseBylineLine, type ParsedByline } from './byline';
import { isCaption } from './captions';
import { readDateline } from './dateline';
import {
  isCommentBoxStart,
  isPromoLine,
  isRelatedLinksStart,
  isStandaloneFurniture,
  isWidgetLine,
  readBreadcrumbs,
} from './debris';
import { isHeadlineBlock } from './headline';
import { readSyndicationHeader, type SyndicationHeader } from './syndication-header';
import { collapseWhitespace, comparisonKey, countWordsUpTo, groupParagraphs, normalizeSpacing, uniqueTexts } from './text-cleanup';
import { cutAtEndMark, dropTrailingDebris } from './trailer';

/**
 * Plain copy, read into story text and the metadata printed around it. Handles both syndicated
 * wire copy (header, dateline, end mark, operator initials, ID line) and text copied from a news
 * web page (headline, breadcrumbs, widget words, doubled headline and captions, byline, comment
 * box). HTML pages and feed items are turned into text and read here too.
 */

export interface WireTextOptions {
  /** A headline known from metadata (page, feed item): its printed copies leave the body. */
  knownHeadline?: string | null;
  /** Likewise for a subheadline known from the page. */
  knownSubheadline?: string | null;
  /** Whether the copy's own first line may be taken for its headline (plain text only). */
  detectHeadline: boolean;
}

export interface WireCopy {
  headline: string | null;
  paragraphs: string[];
  captions: string[];
  byline: ParsedByline | null;
  dateline: Dateline | null;
  section: string | null;
  syndication: SyndicationHeader | null;
}

/**
 * A line is story text when it is a sentence of some length, or long whatever its ending; shorter
 * lines, and headlines (which do not end like sentences), may be furniture around the story.
 */
const STORY_LINE_MIN_WORDS = 8;
const LONG_LINE_MIN_WORDS = 25;
const SENTENCE_END = /[.!?]["'”’)\]]{0,3}$/;
/** Related-links lists hold headlines; a line this long after one means the story goes on. */
const PARAGRAPH_MIN_WORDS = 25;

export function readWireText(rawText: string, options: WireTextOptions): WireCopy {
  const text = normalizeSpacing(rawText);
  const syndication = readSyndicationHeader(text);
  let lines = (syndication ? text.slice(syndication.length) : text).split('\n').map((line) => line.trimEnd());

  lines = cutAtEndMark(lines);
  lines = cutAtCommentBox(lines);
  lines = dropTrailingDebris(lines);

  const { section, byline, lines: storyLines } = removeFurnitureLines(lines);
  let blocks = groupParagraphs(storyLines);

  const captions = uniqueTexts(blocks.filter((block) => isCaption(block.text)).map((block) => block.text));
  blocks = blocks.filter((block) => !isCaption(block.text));

  let headline = options.knownHeadline ? collapseWhitespace(options.knownHeadline) : null;
  const first = blocks[0];
  if (!headline && options.detectHeadline && first && isHeadlineBlock(first, blocks.length - 1)) {
    headline = first.text;
  }
  // A page prints its headline (and deck) above the story, often twice; none of it is body.
  const printedTitles = new Set([headline, options.knownSubheadline].filter((title): title is string => !!title).map(comparisonKey));
  const longestTitle = Math.max(0, ...[...printedTitles].map((title) => title.length));
  blocks = blocks.filter((block) => block.text.length > longestTitle || !printedTitles.has(comparisonKey(block.text)));

  let dateline: Dateline | null = null;
  const paragraphs = blocks.map((block) => block.text);
  const opening = paragraphs[0] !== undefined ? readDateline(paragraphs[0]) : null;
  if (opening) {
    dateline = opening.dateline;
    if (opening.rest) paragraphs[0] = opening.rest;
    else paragraphs.shift();
  }

  return { headline, paragraphs, captions, byline, dateline, section, syndication };
}

/** Indices of the first and last lines that read like story text rather than furniture. */
function storyExtent(lines: readonly string[]): { first: number; last: number } {
  const isStoryLine = (line: string): boolean => {
    if (line.length < STORY_LINE_MIN_WORDS * 2) return false;
    const text = line.trim();
    const words = countWordsUpTo(text, LONG_LINE_MIN_WORDS);
    const readsLikeStory = words >= LONG_LINE_MIN_WORDS || (words >= STORY_LINE_MIN_WORDS && SENTENCE_END.test(text));
    return readsLikeStory && !isCaption(text) && !parseBylineLine(text);
  };
  const first = lines.findIndex(isStoryLine);
  if (first < 0) return { first: lines.length, last: -1 };
  let last = lines.length - 1;
  while (last > first && !isStoryLine(lines[last] ?? '')) last--;
  return { first, last };
}

/**
 * Cuts the copy where a comment box or a related-stories list begins below the story. A
 * related-stories heading only counts when no paragraph follows it, since pages also put
 * "Read more" promos in the middle of a story.
 */
function cutAtCommentBox(lines: readonly string[]): string[] {
  const { first } = storyExtent(lines);
  let paragraphFollows = false;
  const paragraphAfter: boolean[] = new Array<boolean>(lines.length).fill(false);
  for (let index = lines.length - 1; index >= 0; index--) {
    paragraphAfter[index] = paragraphFollows;
    if (!paragraphFollows && countWordsUpTo(lines[index] ?? '', PARAGRAPH_MIN_WORDS) >= PARAGRAPH_MIN_WORDS) paragraphFollows = true;
  }
  for (let index = first + 1; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (!line) continue;
    if (isCommentBoxStart(line) || (isRelatedLinksStart(line) && !paragraphAfter[index])) return lines.slice(0, index);
  }
  return [...lines];
}

/**
 * Blanks out furniture lines (blanking, not deleting, keeps paragraph breaks where they were):
 * widget rows and promos for other stories anywhere; breadcrumbs and sign-in prompts above the
 * story; bylines above or below it.
 */
function removeFurnitureLines(lines: readonly string[]): { lines: string[]; section: string | null; byline: ParsedByline | null } {
  const { first, last } = storyExtent(lines);
  let section: string | null = null;
  let byline: ParsedByline | null = null;
  const kept = lines.map((line, index) => {
    const text = line.trim();
    const aboveStory = index < first;
    const belowStory = index > last;
    if (!text || isWidgetLine(text) || isStandaloneFurniture(text) || isPromoLine(text)) return '';
    if (aboveStory) {
      const breadcrumbs = readBreadcrumbs(text);
      if (breadcrumbs) {
        section ??= breadcrumbs.length > 0 ? breadcrumbs.join(' > ') : null;
        return '';
      }
      if (isCommentBoxStart(text)) return '';
    }
    if (aboveStory || belowStory) {
      const found = parseBylineLine(text);
      if (found) {
        byline ??= found;
        return '';
      }
    }
    return line;
  });
  return { lines: kept, section, byline };
}

