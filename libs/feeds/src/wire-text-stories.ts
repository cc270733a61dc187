/* eslint-disable no-control-regex -- wire copy is framed by ASCII control characters, which these patterns match */
/**
 * Splitting a plain wire-text file into its stories. Wire services deliver copy one story per file
 * or many per file: ANPA-1312 style transmissions frame each story with control characters (SOH
 * start of header … ETX end of text, EOT end of transmission), and text dumps put a separator line
 * (a row of dashes or equals signs, '###', '-30-', 'END') between stories.
 */

export interface SplitWireTextOptions {
  /**
   * A piece with fewer words than this is not a story of its own (a trailing copyright line, a
   * slug): it stays with the story before it. Default 25.
   */
  minStoryWords?: number;
}

export const DEFAULT_MIN_STORY_WORDS = 25;

/** SOH, STX, ETX, EOT, and the ANPA/IPTC 7901 record separators. */
const FRAMING_CONTROL = /[\x01\x03\x04]/;
/** A line that only separates: 5+ of one rule character, or a conventional end-of-story mark. */
const SEPARATOR_LINE = /^[ \t]*(?:([-=*_#~])(?:[ \t]*\1){4,}|#{3}|-30-|\(?ENDS?\)?|\[ENDS?\]|-ENDS?-|-{1,2}\s*END\s*-{1,2})[ \t]*$/i;

/**
 * The stories in a wire-text file, in order. A file that holds one story comes back unchanged (so
 * its content hash, and so its article id, does not depend on this function); otherwise each story
 * is its piece of the text with framing characters and separator lines removed.
 */
export function splitWireTextStories(text: string, options: SplitWireTextOptions = {}): string[] {
  const minWords = options.minStoryWords ?? DEFAULT_MIN_STORY_WORDS;
  const pieces = FRAMING_CONTROL.test(text) ? text.split(/[\x01\x03\x04]+/) : splitOnSeparatorLines(text);
  const stories: string[] = [];
  for (const piece of pieces) {
    const story = piece.replace(/\x02/g, '\n').replace(/^\s*\n|\s+$/g, '');
    if (!story.trim()) continue;
    if (stories.length > 0 && wordCount(story) < minWords) stories[stories.length - 1] += `\n\n${story}`;
    else stories.push(story);
  }
  // A short first piece (a transmission header) belongs to the story after it.
  if (stories.length > 1 && wordCount(stories[0]) < minWords) stories.splice(0, 2, `${stories[0]}\n\n${stories[1]}`);
  return stories.length > 1 ? stories : [text];
}

function splitOnSeparatorLines(text: string): string[] {
  const pieces: string[] = [];
  let current: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (SEPARATOR_LINE.test(line)) {
      pieces.push(current.join('\n'));
      current = [];
    } else current.push(line);
  }
  pieces.push(current.join('\n'));
  return pieces;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}
