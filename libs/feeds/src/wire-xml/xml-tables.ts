import type { ArticleTable } from '@wirestream/contracts';
import { childrenNamed, descendant, isElement, textOf, type XmlElement } from './xml-tree';

/**
 * Tables in NITF and XHTML copy (`<table>` with `<tr>` rows of `<th>`/`<td>` cells, in `<thead>`,
 * `<tbody>` and `<tfoot>` or not, and a `<caption>`), kept as rows of cells rather than run into the
 * prose. Only data tables: a table holding another table, a cell holding a paragraph (a block
 * element, or text longer than MAX_CELL_CHARS), or no row of two cells or more (a box around copy)
 * is layout, and its text stays copy.
 */

/** Longest text of a data table's cell: a paragraph in a cell makes the table layout. */
const MAX_CELL_CHARS = 200;
/** Elements that make a cell hold copy rather than a value. */
const BLOCK_IN_CELL = ['p', 'div', 'ul', 'ol', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'section', 'article'];

/** The cells of each row of a data table, or null when the table is layout. */
export function dataTableRows(table: XmlElement): string[][] | null {
  if (descendant(table, 'table')) return null;
  const rows: string[][] = [];
  for (const row of rowsOf(table)) {
    const cellElements = row.children.filter((node): node is XmlElement => isElement(node) && (node.name === 'td' || node.name === 'th'));
    if (cellElements.some((cell) => BLOCK_IN_CELL.some((name) => descendant(cell, name)))) return null;
    const cells = cellElements.map((cell) => textOf(cell) ?? '');
    if (cells.some((cell) => cell.length > MAX_CELL_CHARS)) return null;
    if (cells.some(Boolean)) rows.push(cells);
  }
  return rows.some((row) => row.length >= 2) ? rows : null;
}

/** Every data table under an element, in document order (inside layout tables too). */
export function tablesIn(element: XmlElement | null | undefined): ArticleTable[] {
  const tables: ArticleTable[] = [];
  const walk = (node: XmlElement) => {
    for (const item of node.children) {
      if (!isElement(item)) continue;
      if (item.name !== 'table') {
        walk(item);
        continue;
      }
      const rows = dataTableRows(item);
      // A layout table's copy may hold a data table of its own.
      if (!rows) {
        walk(item);
        continue;
      }
      const caption = textOf(childrenNamed(item, 'caption')[0]);
      tables.push(caption ? { caption, rows } : { rows });
    }
  };
  if (element) walk(element);
  return tables;
}

/** The table's rows in document order: its own <tr> and those of its row groups. */
function rowsOf(table: XmlElement): XmlElement[] {
  return table.children.flatMap((node) => {
    if (!isElement(node)) return [];
    if (node.name === 'tr') return [node];
    return node.name === 'thead' || node.name === 'tbody' || node.name === 'tfoot' ? childrenNamed(node, 'tr') : [];
  });
}
