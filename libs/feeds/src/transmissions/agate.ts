/* eslint-disable no-control-regex -- agate cells are separated by ASCII control characters (RS, US) in ANPA copy */
import type { ArticleTable } from '@wirestream/contracts';
import { cleanLine } from './transmission-story';

/**
 * Agate: the tables of wire copy (sports results and standings, weather, markets), sent as rows of
 * cells. A row is told from prose by its shape, never by the story it is in:
 *
 * - delimited: four or more cells separated by ';' ('Amsterdam;42;50;rn;0.08'), or by RS/US
 *   (0x1E, 0x1F) as ANPA's tab line indicator (BS) rows have them;
 * - aligned: three or more cells separated by a tab or by two spaces or more ('Harbor City   23
 *   13  .639'), as typeset columns arrive in IPTC 7901 and ANPA text.
 *
 * No cell of a row is longer than MAX_CELL_CHARS: prose with two spaces after its full stops stays
 * prose. Cells are plain text, their spacing collapsed; the table's layout (widths, alignment) is
 * not kept.
 */

/** Longest cell of a table row: a team, a city, a figure — not a sentence. */
const MAX_CELL_CHARS = 32;
/** Fewest cells a ';'-delimited row has (a sentence may hold a ';' or two). */
const MIN_DELIMITED_CELLS = 4;
/** Fewest cells an aligned row has. */
const MIN_ALIGNED_CELLS = 3;

/** The cells of a ';'-delimited row, or null when the line is not one. A leading empty cell (a header row: ';W;L;Pct') is kept. */
export function delimitedCells(line: string): string[] | null {
  const cells = line.split(';').map(cleanLine);
  if (cells.length < MIN_DELIMITED_CELLS || cells.some((cell) => cell.length > MAX_CELL_CHARS)) return null;
  return withoutTrailingEmpty(cells);
}

/** The cells of a row whose columns are separated by tabs or runs of two spaces or more, or null when the line is not one. */
export function alignedCells(line: string): string[] | null {
  const cells = line.trim().split(/\t+| {2,}/).map(cleanLine).filter(Boolean);
  if (cells.length < MIN_ALIGNED_CELLS || cells.some((cell) => cell.length > MAX_CELL_CHARS)) return null;
  return cells;
}

/**
 * The cells of an ANPA agate row sent with RS/US separators (padding cells dropped, a leading
 * empty cell kept for a header row), or ';'-separated; null for a row with no text.
 */
export function separatedCells(line: string): string[] | null {
  if (/[\x1e\x1f]/.test(line)) {
    const cells = line.split(/[\x1e\x1f]/).map(cleanLine);
    const filled = cells.filter(Boolean);
    if (filled.length === 0) return null;
    return [...(cells[0] === '' ? [''] : []), ...filled];
  }
  const text = cleanLine(line);
  if (!text) return null;
  return text.includes(';') ? withoutTrailingEmpty(text.split(';').map(cleanLine)) : (alignedCells(line) ?? [text]);
}

/** A table of rows, with its caption when the copy gives one. */
export function agateTable(rows: string[][], caption: string | null): ArticleTable {
  return caption ? { caption, rows } : { rows };
}

function withoutTrailingEmpty(cells: string[]): string[] {
  let end = cells.length;
  while (end > 1 && cells[end - 1] === '') end--;
  return cells.slice(0, end);
}
