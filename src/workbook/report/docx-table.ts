// A report table as WordprocessingML text, row by row. The docx library builds an object tree of about a dozen
// objects per cell and then a second tree for its XML: 1.2 GB for the 70,000 cells of a 10,000-commune report. The
// tables are written here instead, as the text Word reads, one row at a time (see splice.ts), in the same layout:
// fixed widths, single borders, header rows repeated on each page, rows never split across pages.

import { escapeXml } from "../xml-text";
import type { ReportCell, ReportTable } from "./model";

export interface TableLayout {
  /** Width of the text column in twips (the table's width). */
  totalTwips: number;
  /** Table text in half-points. */
  sizeHalfPt: number;
  /** Twips of indent per level of a sub-line. */
  indentTwips: number;
}

const BORDER = 'w:val="single" w:color="auto" w:sz="4"';
const MARGINS =
  '<w:tcMar><w:top w:type="dxa" w:w="20"/><w:left w:type="dxa" w:w="60"/>' +
  '<w:bottom w:type="dxa" w:w="20"/><w:right w:type="dxa" w:w="60"/></w:tcMar>';

/** Column widths in twips: the table's relative widths over the text column, rounded down. */
export function columnTwips(t: ReportTable, totalTwips: number): number[] {
  let sum = 0;
  for (const w of t.widths) sum += w;
  return t.widths.map((w) => Math.floor((totalTwips * w) / sum));
}

/** `keep`: the cell's paragraph keeps with what follows (the last row with the table's source line under it). */
function cellXml(c: ReportCell, width: number, layout: TableLayout, keep: boolean): string {
  const span = (c.colSpan ?? 1) > 1 ? `<w:gridSpan w:val="${c.colSpan}"/>` : "";
  const merge = (c.rowSpan ?? 1) > 1 ? '<w:vMerge w:val="restart"/>' : "";
  const indent = c.indent ? `<w:ind w:left="${c.indent * layout.indentTwips}"/>` : "";
  const size = `<w:sz w:val="${layout.sizeHalfPt}"/><w:szCs w:val="${layout.sizeHalfPt}"/>`;
  const bold = c.bold ? "<w:b/><w:bCs/>" : "";
  return (
    `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>${span}${merge}${MARGINS}<w:vAlign w:val="center"/></w:tcPr>` +
    `<w:p><w:pPr>${keep ? "<w:keepNext/><w:keepLines/>" : ""}${indent}<w:jc w:val="${c.align ?? "left"}"/></w:pPr>` +
    `<w:r><w:rPr>${bold}${size}</w:rPr><w:t xml:space="preserve">${escapeXml(c.text)}</w:t></w:r></w:p></w:tc>`
  );
}

/** The cell under a row span: merged into the one above, as wide as its column. */
function continuedXml(width: number): string {
  return `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/><w:vMerge w:val="continue"/>${MARGINS}</w:tcPr><w:p/></w:tc>`;
}

/**
 * One row's XML. `above` holds, per grid column, how many more rows a cell spanning down from an earlier row
 * still covers; it is updated for the next row.
 */
function rowXml(
  cells: ReportCell[],
  widths: number[],
  above: number[],
  header: boolean,
  layout: TableLayout,
  keep = false
): string {
  let out = `<w:tr><w:trPr><w:cantSplit/>${header ? "<w:tblHeader/>" : ""}</w:trPr>`;
  let col = 0;
  let next = 0;
  const covered = (k: number) => (above[k] ?? 0) > 0;
  while (col < widths.length && (next < cells.length || covered(col))) {
    if (covered(col)) {
      out += continuedXml(widths[col]);
      above[col] -= 1;
      col += 1;
      continue;
    }
    const c = cells[next++];
    const span = Math.max(1, c.colSpan ?? 1);
    let width = 0;
    for (let k = col; k < col + span && k < widths.length; k++) width += widths[k];
    out += cellXml(c, width, layout, keep);
    if ((c.rowSpan ?? 1) > 1) for (let k = col; k < col + span; k++) above[k] = c.rowSpan! - 1;
    col += span;
  }
  return out + "</w:tr>";
}

/**
 * The table's XML in pieces (the opening with its grid, then one piece per row, then the closing), so that a
 * caller can write it out without ever holding the whole table as one string.
 */
export function* tableXml(t: ReportTable, layout: TableLayout): Generator<string> {
  const widths = columnTwips(t, layout.totalTwips);
  yield (
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${layout.totalTwips}"/><w:tblBorders>` +
    `<w:top ${BORDER}/><w:left ${BORDER}/><w:bottom ${BORDER}/><w:right ${BORDER}/>` +
    `<w:insideH ${BORDER}/><w:insideV ${BORDER}/></w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>` +
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>`
  );
  const above: number[] = [];
  for (const r of t.header) yield rowXml(r, widths, above, true, layout);
  // The last row keeps with the source line under the table: a page never holds the "Nguồn" line alone.
  for (let i = 0; i < t.rows.length; i++) {
    yield rowXml(t.rows[i], widths, above, false, layout, i === t.rows.length - 1);
  }
  yield "</w:tbl>";
}
