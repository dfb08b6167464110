// Result sheets written as SpreadsheetML text, row by row, straight into the zip (fflate's streaming deflate): the
// CLI's --out file and the sheets xlsx-graft adds into a user's workbook. ExcelJS builds an object per cell and then
// the XML of the whole workbook: 1.35 GB for a 130,000-row result. Here a sheet is never held whole, only its
// compressed bytes are. The layout is the ExcelJS adapter's (both take it from output.ts: table places, number
// formats, widths, print setup), and a test reads both files back cell by cell (xlsx-write.test.ts): native tables
// with their bilingual headers, number formats, the frozen header row, column widths, print titles, page header and
// footer, texts as inline strings (never formulas), and the very hidden bookkeeping sheet.

import { a1, type CellValue } from "../grid";
import {
  assertTableShape,
  cellFormat,
  columnWidths,
  headerFooterCode,
  layoutSheet,
  printSetup,
  type OutputSheet,
  type PlacedTable,
  type PrintSetup,
} from "../output";
import {
  META_SHEET,
  freeSheetName,
  metaRows,
  outputHash,
  planSheets,
  uniqueTableName,
  type OwnedSheet,
} from "../ownership";
import { safeOutputSheets } from "../output-text";
import { escapeXml, tableColumnName, xlsxText } from "../xml-text";
import { zipStreamed, type PartContent } from "../zip-stream";

export type { PartContent };

export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkgRel: "http://schemas.openxmlformats.org/package/2006/relationships",
  types: "http://schemas.openxmlformats.org/package/2006/content-types",
};
export const REL = {
  officeDocument: `${NS.rel}/officeDocument`,
  worksheet: `${NS.rel}/worksheet`,
  table: `${NS.rel}/table`,
  styles: `${NS.rel}/styles`,
};
export const TYPE = {
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  rels: "application/vnd.openxmlformats-package.relationships+xml",
};
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Number formats every Excel knows by id (ECMA-376 §18.8.30); any other gets an id from 164 up. */
const BUILTIN_FORMATS: Readonly<Record<string, number>> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "0.00E+00": 11,
  "mm-dd-yy": 14,
  "@": 49,
};

/** What a date with no declared format is shown as (ExcelJS's default for a date). */
const DATE_FORMAT = "mm-dd-yy";

/**
 * The cell formats our sheets use, in the order first met: 0 is General, 1 the bold title, then one per number
 * format. Every format is known before a sheet is written (planResults visits every cell), so that the graft can
 * append these styles to a user's and renumber before any row is written.
 */
export class ResultStyles {
  private readonly formats: string[] = [];
  static readonly TITLE = 1;

  /** The cell-format index of a number format ("General": 0). */
  xf(format: string): number {
    if (format === "General") return 0;
    let at = this.formats.indexOf(format);
    if (at < 0) at = this.formats.push(format) - 1;
    return at + 2;
  }

  /** The styles part: Calibri 11, a bold 12-point font for titles, the number formats. */
  xml(): string {
    const custom: string[] = [];
    const ids = this.formats.map((f) => {
      const builtin = BUILTIN_FORMATS[f];
      if (builtin !== undefined) return builtin;
      custom.push(`<numFmt numFmtId="${164 + custom.length}" formatCode="${escapeXml(f)}"/>`);
      return 164 + custom.length - 1;
    });
    const xfs = [
      '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
      '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>',
      ...ids.map(
        (id) =>
          `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`
      ),
    ];
    return (
      `${XML_HEAD}<styleSheet xmlns="${NS.main}">` +
      (custom.length > 0 ? `<numFmts count="${custom.length}">${custom.join("")}</numFmts>` : "") +
      '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="12"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      "</styleSheet>"
    );
  }
}

/** A table as it goes into the file: its place, its workbook-unique name, its range. */
export interface PlannedTable {
  placed: PlacedTable;
  name: string;
  ref: string;
}

/** A result sheet as it goes into the file. */
export interface PlannedSheet {
  name: string;
  output: OutputSheet;
  tables: PlannedTable[];
  /** Width of each column (Excel's character units), undefined for a column left at the default. */
  widths: (number | undefined)[];
  /** The last row and column holding anything, 0-based. */
  last: { row: number; col: number };
  print: PrintSetup;
  /** Rows above the frozen pane: the header row and what is above it. */
  frozenRows: number;
}

/** The number format a body cell is written with: cellFormat's, a date shown as a date. */
function bodyFormat(placed: PlacedTable, r: number, c: number): string {
  const format = cellFormat(placed.table, r, c);
  if (format === "General" && placed.table.rows[r]?.[c] instanceof Date) return DATE_FORMAT;
  return format;
}

/**
 * Our sheets laid out (names given, table names unique against `takenTables`), with every number format they use
 * registered in `styles`. The outputs have passed the output boundary (safeOutputSheets).
 */
export function planResults(
  outputs: OutputSheet[],
  names: string[],
  takenTables: string[],
  styles: ResultStyles
): PlannedSheet[] {
  const taken = takenTables.slice();
  return outputs.map((output, i) => {
    const layout = layoutSheet(output);
    let lastRow = 0;
    let lastCol = 0;
    const tables = layout.map((placed) => {
      const { table, headerRow, col } = placed;
      const name = uniqueTableName(table.name, taken);
      taken.push(name);
      const bottom = headerRow + Math.max(table.rows.length, 1);
      const right = col + table.columns.length - 1;
      lastRow = Math.max(lastRow, bottom);
      lastCol = Math.max(lastCol, right);
      for (let r = 0; r < table.rows.length; r++)
        for (let c = 0; c < table.columns.length; c++) styles.xf(bodyFormat(placed, r, c));
      return { placed, name, ref: `${a1(headerRow, col)}:${a1(bottom, right)}` };
    });
    return {
      name: names[i],
      output,
      tables,
      widths: columnWidths(output),
      last: { row: lastRow, col: lastCol },
      print: printSetup(output),
      frozenRows: (layout[0]?.headerRow ?? 0) + 1,
    };
  });
}

/** Excel's serial day number of a date (days since 1899-12-30, the day's time as a fraction). */
function excelDate(date: Date): number {
  return date.getTime() / 86_400_000 + 25_569;
}

/**
 * A text as an inline string's XML. A carriage return is a character reference (XML would read a raw one as a line
 * feed); text that looks like Excel's _xHHHH_ escape has its "_" escaped, so that Excel shows it as typed; any other
 * character XML cannot hold (none is left after the output boundary) is Excel's escape.
 */
function inlineText(text: string): string {
  return text
    .split("\r")
    .map((piece) => escapeXml(xlsxText(piece)))
    .join("&#13;");
}

/** One cell's XML; an empty cell is written only when it carries a format. */
function cellXml(ref: string, value: CellValue, s: number): string {
  const style = s > 0 ? ` s="${s}"` : "";
  if (value === null || value === undefined) return s > 0 ? `<c r="${ref}"${style}/>` : "";
  if (typeof value === "number") return `<c r="${ref}"${style}><v>${value}</v></c>`;
  if (typeof value === "boolean") return `<c r="${ref}"${style} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (value instanceof Date) return `<c r="${ref}"${style}><v>${excelDate(value)}</v></c>`;
  if (typeof value === "object")
    return `<c r="${ref}"${style} t="e"><v>${escapeXml(value.error)}</v></c>`;
  // A text is an inline string: never read as a formula, whatever it starts with.
  return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${inlineText(value)}</t></is></c>`;
}

/** A sheet name in a formula reference: 'KQ_TongHop' (quotes doubled). */
function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The print titles' defined name of a planned sheet (its header row on every page), if any. */
export function printTitles(sheet: PlannedSheet, localSheetId: number): string | undefined {
  const rows = sheet.print.repeatRows;
  if (!rows) return undefined;
  const ref = `${quotedSheet(sheet.name)}!$${rows.first + 1}:$${rows.last + 1}`;
  return `<definedName name="_xlnm.Print_Titles" localSheetId="${localSheetId}">${escapeXml(ref)}</definedName>`;
}

/**
 * The worksheet part of a planned sheet in pieces, one per row. `xf` maps our cell-format index to the one written
 * (the graft's renumbering into a user's styles); `tableRels` are the relationship ids of the sheet's tables.
 */
export function* sheetXml(
  sheet: PlannedSheet,
  styles: ResultStyles,
  tableRels: string[],
  xf: (ours: number) => number = (n) => n
): Generator<string> {
  const { print } = sheet;
  const pane = sheet.frozenRows;
  let head =
    `${XML_HEAD}<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}">` +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="A1:${a1(sheet.last.row, sheet.last.col)}"/>` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${pane}" topLeftCell="${a1(pane, 0)}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>';
  const cols = sheet.widths
    .map((w, c) =>
      w === undefined ? "" : `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`
    )
    .join("");
  if (cols) head += `<cols>${cols}</cols>`;
  yield `${head}<sheetData>`;
  const title = xf(ResultStyles.TITLE);
  for (let row = 0; row <= sheet.last.row; row++) {
    let cells = "";
    for (const { placed } of sheet.tables) {
      const { table, titleRow, headerRow, col } = placed;
      if (row === titleRow && table.title !== undefined) {
        cells += cellXml(a1(row, col), table.title, title);
      } else if (row === headerRow) {
        table.columns.forEach(
          (c, i) => (cells += cellXml(a1(row, col + i), tableColumnName(c.header), 0))
        );
      } else if (row > headerRow && row - headerRow - 1 < table.rows.length) {
        const r = row - headerRow - 1;
        const values = table.rows[r];
        for (let c = 0; c < table.columns.length; c++) {
          cells += cellXml(a1(row, col + c), values[c], xf(styles.xf(bodyFormat(placed, r, c))));
        }
      }
    }
    if (cells) yield `<row r="${row + 1}">${cells}</row>`;
  }
  const parts = [
    "</sheetData>",
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
    `<pageSetup paperSize="${print.paperSize}" orientation="${print.orientation}" fitToWidth="1" fitToHeight="0"/>`,
    `<headerFooter><oddHeader>${escapeXml(headerFooterCode(print.header))}</oddHeader><oddFooter>${escapeXml(headerFooterCode(print.footer))}</oddFooter></headerFooter>`,
  ];
  if (tableRels.length > 0) {
    parts.push(
      `<tableParts count="${tableRels.length}">${tableRels.map((id) => `<tablePart r:id="${id}"/>`).join("")}</tableParts>`
    );
  }
  yield `${parts.join("")}</worksheet>`;
}

/** A table part: the native Excel table over a planned table's range, striped, with filter buttons. */
export function tableXml(table: PlannedTable, id: number): string {
  const columns = table.placed.table.columns
    // The name as its header cell holds it (Excel's escapes too): Excel requires the two to be the same text.
    .map(
      (c, i) =>
        `<tableColumn id="${i + 1}" name="${escapeXml(xlsxText(tableColumnName(c.header)))}"/>`
    )
    .join("");
  return (
    `${XML_HEAD}<table xmlns="${NS.main}" id="${id}" name="${escapeXml(table.name)}" displayName="${escapeXml(table.name)}" ref="${table.ref}" headerRowCount="1" totalsRowShown="0">` +
    `<autoFilter ref="${table.ref}"/>` +
    `<tableColumns count="${table.placed.table.columns.length}">${columns}</tableColumns>` +
    '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>'
  );
}

/** The bookkeeping sheet's part: the signature, then one row per owned sheet, as inline strings. */
export function metaSheetXml(owned: OwnedSheet[]): string {
  const rows = metaRows(owned)
    .map((row, r) => {
      const cells = row.map((v, c) => (v === "" ? "" : cellXml(a1(r, c), v, 0))).join("");
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join("");
  return `${XML_HEAD}<worksheet xmlns="${NS.main}"><sheetData>${rows}</sheetData></worksheet>`;
}

/**
 * Which of the sheets written are the add-in's: `owned[i]` false for a sheet the user fills in (an input template,
 * WriteOptions.owned false), written but never recorded in the bookkeeping, so nothing ever replaces it. All are the
 * add-in's when absent.
 */
export interface SheetOwnership {
  owned?: readonly boolean[];
}

/**
 * A new workbook of result sheets: the sheets (named `names`, in order), then the very hidden bookkeeping sheet that
 * records them as the add-in's (identity: sheet id with its tables' names, as both readers of it compute it) with
 * the hash of their values (templates written but not recorded: SheetOwnership). The outputs have passed the output
 * boundary.
 */
export function resultWorkbook(
  given: OutputSheet[],
  options: SheetOwnership = {}
): { bytes: Uint8Array; names: string[] } {
  for (const output of given) for (const table of output.tables) assertTableShape(table);
  // The output boundary (callers that show its warnings applied it already; a second pass changes nothing).
  const outputs = safeOutputSheets(given).sheets;
  const names = planSheets(
    outputs.map((o) => o.sheet),
    [],
    []
  ).map((p) => p.name);
  return { bytes: resultPackage(outputs, names, options), names };
}

function resultPackage(
  outputs: OutputSheet[],
  names: string[],
  options: SheetOwnership
): Uint8Array {
  const styles = new ResultStyles();
  const sheets = planResults(outputs, names, [], styles);
  const parts: [string, PartContent][] = [];
  const types: string[] = [];
  const rels: string[] = [];
  const entries: string[] = [];
  const defined: string[] = [];
  const owned: OwnedSheet[] = [];
  let tableId = 0;
  sheets.forEach((sheet, i) => {
    const part = `xl/worksheets/sheet${i + 1}.xml`;
    const tableRels = sheet.tables.map((_, t) => `rId${t + 1}`);
    let sheetRels = `${XML_HEAD}<Relationships xmlns="${NS.pkgRel}">`;
    sheet.tables.forEach((table, t) => {
      const tablePart = `xl/tables/table${++tableId}.xml`;
      parts.push([tablePart, tableXml(table, tableId)]);
      types.push(`<Override PartName="/${tablePart}" ContentType="${TYPE.table}"/>`);
      sheetRels += `<Relationship Id="${tableRels[t]}" Type="${REL.table}" Target="../tables/table${tableId}.xml"/>`;
    });
    parts.push([part, sheetXml(sheet, styles, tableRels)]);
    if (sheet.tables.length > 0)
      parts.push([`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, `${sheetRels}</Relationships>`]);
    types.push(`<Override PartName="/${part}" ContentType="${TYPE.worksheet}"/>`);
    rels.push(
      `<Relationship Id="rId${i + 2}" Type="${REL.worksheet}" Target="worksheets/sheet${i + 1}.xml"/>`
    );
    entries.push(`<sheet name="${escapeXml(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 2}"/>`);
    const titles = printTitles(sheet, i);
    if (titles) defined.push(titles);
    if (options.owned?.[i] === false) return;
    const tableNames = sheet.tables.map((t) => t.name).sort();
    owned.push({
      id: `${i + 1}/${tableNames.join("/")}`,
      name: sheet.name,
      hash: outputHash(outputs[i]),
    });
  });
  const meta = sheets.length + 1;
  parts.push([`xl/worksheets/sheet${meta}.xml`, metaSheetXml(owned)]);
  types.push(
    `<Override PartName="/xl/worksheets/sheet${meta}.xml" ContentType="${TYPE.worksheet}"/>`
  );
  rels.push(
    `<Relationship Id="rId${meta + 1}" Type="${REL.worksheet}" Target="worksheets/sheet${meta}.xml"/>`
  );
  entries.push(
    `<sheet name="${escapeXml(freeSheetName(META_SHEET, names))}" sheetId="${meta}" state="veryHidden" r:id="rId${meta + 1}"/>`
  );
  const workbook =
    `${XML_HEAD}<workbook xmlns="${NS.main}" xmlns:r="${NS.rel}"><bookViews><workbookView/></bookViews>` +
    `<sheets>${entries.join("")}</sheets>` +
    (defined.length > 0 ? `<definedNames>${defined.join("")}</definedNames>` : "") +
    "</workbook>";
  return zipStreamed([
    [
      "[Content_Types].xml",
      `${XML_HEAD}<Types xmlns="${NS.types}"><Default Extension="rels" ContentType="${TYPE.rels}"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="${TYPE.workbook}"/><Override PartName="/xl/styles.xml" ContentType="${TYPE.styles}"/>${types.join("")}</Types>`,
    ],
    [
      "_rels/.rels",
      `${XML_HEAD}<Relationships xmlns="${NS.pkgRel}"><Relationship Id="rId1" Type="${REL.officeDocument}" Target="xl/workbook.xml"/></Relationships>`,
    ],
    ["xl/workbook.xml", workbook],
    [
      "xl/_rels/workbook.xml.rels",
      `${XML_HEAD}<Relationships xmlns="${NS.pkgRel}"><Relationship Id="rId1" Type="${REL.styles}" Target="styles.xml"/>${rels.join("")}</Relationships>`,
    ],
    ...parts,
    // Last: every number format is registered once the sheets are planned.
    ["xl/styles.xml", styles.xml()],
  ]);
}
