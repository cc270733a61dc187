import type { ArticleTable } from '@wirestream/contracts';
import type { CheerioAPI } from 'cheerio';
import { descendants, inlineText, isElement, type DomNode, type ElementNode } from './dom';

/**
 * HTML (and NITF-in-HTML) tables of the copy — sports results, standings, markets — kept as rows
 * of cells rather than run into the body's prose: `<tr>` rows (own or in `<thead>`, `<tbody>`,
 * `<tfoot>`) of `<th>`/`<td>` cells, and the `<caption>`. Only data tables are taken: a table holding
 * another table, a cell holding copy (a block element, or text longer than MAX_CELL_CHARS), or no
 * row of two cells or more (a box around copy) is page layout, and its text stays the body's. The
 * feeds library reads NITF and NewsML tables by the same rules (wire-xml/xml-tables.ts).
 */

/** Longest text of a data table's cell: a paragraph in a cell makes the table layout. */
const MAX_CELL_CHARS = 200;
/** Elements that make a cell hold copy rather than a value. */
const BLOCK_IN_CELL = new Set(['p', 'div', 'ul', 'ol', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'section', 'article']);
const ROW_GROUPS = new Set(['thead', 'tbody', 'tfoot']);

/** The data tables under `root` as rows of cells, in document order, each taken out of the tree. */
export function takeDataTables($: CheerioAPI, root: DomNode): ArticleTable[] {
  const tables: ArticleTable[] = [];
  for (const element of descendants(root)) {
    if (element === root || element.name.toLowerCase() !== 'table') continue;
    const rows = dataTableRows(element);
    if (!rows) continue;
    const captionElement = childElements(element).find((child) => child.name.toLowerCase() === 'caption');
    const caption = captionElement ? inlineText(captionElement) : '';
    tables.push(caption ? { caption, rows } : { rows });
    $(element).remove();
  }
  return tables;
}

/** The cells of each row of a data table, or null when the table is layout. */
function dataTableRows(table: ElementNode): string[][] | null {
  if (descendants(table).some((element) => element !== table && element.name.toLowerCase() === 'table')) return null;
  const rows: string[][] = [];
  for (const row of rowsOf(table)) {
    const cellElements = childElements(row).filter((cell) => /^t[dh]$/i.test(cell.name));
    if (cellElements.some((cell) => descendants(cell).some((element) => BLOCK_IN_CELL.has(element.name.toLowerCase())))) return null;
    const cells = cellElements.map((cell) => inlineText(cell));
    if (cells.some((cell) => cell.length > MAX_CELL_CHARS)) return null;
    if (cells.some(Boolean)) rows.push(cells);
  }
  return rows.some((row) => row.length >= 2) ? rows : null;
}

function rowsOf(table: ElementNode): ElementNode[] {
  return childElements(table).flatMap((child) => {
    const name = child.name.toLowerCase();
    if (name === 'tr') return [child];
    return ROW_GROUPS.has(name) ? childElements(child).filter((row) => row.name.toLowerCase() === 'tr') : [];
  });
}

function childElements(element: ElementNode): ElementNode[] {
  return element.children.filter((child): child is ElementNode => isElement(child));
}
