import {
  isAgencyIdLine,
  isCharacterCounter,
  isCopyrightLine,
  isOperatorInitialsLine,
  isStandaloneFurniture,
  isTimestampLine,
  isWidgetLine,
} from './debris';

/**
 * The end of a wire story. Agencies close copy with an end mark — `(end)`, `(END)`, `-- END --`,
 * `###`, `-30-` — and anything after it (operator initials, slugs, syndication IDs, press-release
 * boilerplate) is not the story.
 */

/**
 * End marks at the end of a (right-trimmed) line. Each pattern starts at a literal character and
 * has bounded repetition, so scanning a huge line stays linear.
 */
const END_MARKS: readonly RegExp[] = [
  /\(\s{0,3}ends?\s{0,3}\)$/i,
  /-{2,5}\s{0,3}end\s{0,3}-{2,}$/i,
  /(?:^|\s)#{3,5}$/,
  /^\s*-30-$/,
  /^\s*(?:END|ENDS|End)$/,
];

/** Every end mark ends in one of these; other lines need no regex at all. */
const END_MARK_LAST_CHARS = new Set([')', '-', '#', 'D', 'S', 'd']);

function endMarkIndex(line: string): number {
  if (!END_MARK_LAST_CHARS.has(line.charAt(line.length - 1))) return -1;
  let earliest = -1;
  for (const mark of END_MARKS) {
    const match = mark.exec(line);
    if (match && (earliest < 0 || match.index < earliest)) earliest = match.index;
  }
  return earliest;
}

/**
 * Cuts the copy at its last end mark: the mark and everything after it go. Lines are returned
 * unchanged otherwise.
 */
export function cutAtEndMark(lines: readonly string[]): string[] {
  for (let index = lines.length - 1; index >= 0; index--) {
    const line = (lines[index] ?? '').trimEnd();
    if (!line) continue;
    const at = endMarkIndex(line);
    if (at >= 0) return [...lines.slice(0, index), line.slice(0, at).trimEnd()];
  }
  return [...lines];
}

/**
 * Drops furniture from the bottom of the copy, bottom up, stopping at the first line that could
 * be story text: blank lines, syndication IDs, operator initials, counters, copyright lines, date stamps.
 */
export function dropTrailingDebris(lines: readonly string[]): string[] {
  let end = lines.length;
  while (end > 0) {
    const line = (lines[end - 1] ?? '').trim();
    const isDebris =
      line === '' ||
      isAgencyIdLine(line) ||
      isOperatorInitialsLine(line) ||
      isCharacterCounter(line) ||
      isCopyrightLine(line) ||
      isTimestampLine(line) ||
      isWidgetLine(line) ||
      isStandaloneFurniture(line);
    if (!isDebris) break;
    end--;
  }
  return lines.slice(0, end);
}
