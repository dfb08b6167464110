// What a user sees of a written workbook, as plain data, read back with ExcelJS: to compare the two .xlsx writers.

import ExcelJS from "exceljs";

export async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(
    bytes.buffer.slice(
      bytes.byteOffset,
      bytes.byteOffset + bytes.byteLength
    ) as unknown as ExcelJS.Buffer
  );
  return book;
}

/** A title's bold and size (other cells: not bold, no size). */
function titleFont(sheet: ExcelJS.Worksheet, r: number, c: number) {
  const style = sheet.getRow(r).getCell(c).style;
  return { bold: style.font?.bold ?? false, size: style.font?.bold ? style.font.size : null };
}

/** Everything a user sees of a workbook's sheets, as plain data. */
export function contents(book: ExcelJS.Workbook) {
  return book.worksheets.map((sheet) => {
    const cells: Record<string, unknown> = {};
    for (let r = 1; r <= sheet.rowCount; r++) {
      for (let c = 1; c <= sheet.columnCount; c++) {
        const { value, numFmt, address } = sheet.getCell(r, c);
        // The bookkeeping's blank cells: an empty text or nothing, the same to every reader.
        if ((value === null || value === "") && !numFmt) continue;
        cells[address] = {
          // An empty text is a blank cell to every reader (the values hash too).
          value: value instanceof Date ? value.toISOString() : value === "" ? null : value,
          numFmt: numFmt ?? null,
          ...titleFont(sheet, r, c),
        };
      }
    }
    const tables = sheet.getTables().map((t) => {
      const model = (
        t as unknown as {
          table: { name: string; tableRef: string; columns: { name: string }[] };
        }
      ).table;
      return { name: model.name, ref: model.tableRef, columns: model.columns.map((c) => c.name) };
    });
    const widths: (number | undefined)[] = [];
    // ExcelJS leaves a width of 9 unwritten (it takes 9 for its default).
    for (let c = 1; c <= sheet.columnCount; c++) widths.push(sheet.getColumn(c).width ?? 9);
    // The bookkeeping sheet: its cells only (nobody sees or prints it).
    if (sheet.state === "veryHidden") return { name: sheet.name, state: sheet.state, cells };
    return {
      name: sheet.name,
      state: sheet.state,
      cells,
      tables,
      widths,
      frozen: sheet.views?.[0]
        ? { state: sheet.views[0].state, ySplit: (sheet.views[0] as { ySplit?: number }).ySplit }
        : null,
      page: {
        paperSize: sheet.pageSetup.paperSize,
        orientation: sheet.pageSetup.orientation,
        fitToPage: sheet.pageSetup.fitToPage,
        fitToWidth: sheet.pageSetup.fitToWidth,
        fitToHeight: sheet.pageSetup.fitToHeight,
        printTitlesRow: sheet.pageSetup.printTitlesRow,
      },
      header: sheet.headerFooter?.oddHeader ?? null,
      footer: sheet.headerFooter?.oddFooter ?? null,
    };
  });
}
