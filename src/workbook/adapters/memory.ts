// In-memory workbook for tests and fuzzing: sheets are arrays of values, tables are recorded as written.

import type { CellValue, Grid } from "../grid";
import { assertTableShape, layoutSheet, type OutputSheet } from "../output";
import {
  editedNote,
  editedSheetName,
  findSheetName,
  missingSheetError,
  nextOwned,
  outputHash,
  planSheets,
  uniqueTableName,
  valuesHash,
  type OwnedSheet,
} from "../ownership";
import type { WorkbookPort, WriteOptions } from "../port";

export interface MemoryTable {
  name: string;
  sheet: string;
  /** 0-based top-left of the header row. */
  row: number;
  col: number;
  headers: string[];
  formats: (string | undefined)[];
  rows: CellValue[][];
}

interface MemorySheet {
  /** Never given again in this workbook, as Excel's sheet ids. */
  id: string;
  name: string;
  cells: CellValue[][];
  /** Hidden or filtered-out rows and hidden columns, 0-based (test setup). */
  hiddenRows?: number[];
  hiddenCols?: number[];
}

export class MemoryWorkbook implements WorkbookPort {
  private sheets: MemorySheet[] = [];
  private owned: OwnedSheet[] = [];
  private made = 0;
  private hidden = new Set<string>();
  readonly tables: MemoryTable[] = [];

  constructor(sheets: Record<string, CellValue[][]> = {}) {
    for (const [name, cells] of Object.entries(sheets)) this.setSheet(name, cells);
  }

  /** Puts a user's sheet in place (test setup). */
  setSheet(name: string, cells: CellValue[][]): void {
    const existing = this.sheets.find((s) => s.name === name);
    const copy = cells.map((r) => [...r]);
    if (existing) existing.cells = copy;
    else this.sheets.push({ id: this.newId(), name, cells: copy });
  }

  /** The user renames a sheet (tests, fuzzing). */
  renameSheet(from: string, to: string): void {
    const sheet = this.sheets.find((s) => s.name === from);
    if (sheet) sheet.name = to;
  }

  /** The user deletes a sheet (tests, fuzzing). */
  deleteSheet(name: string): void {
    this.sheets = this.sheets.filter((s) => s.name !== name);
    for (let t = this.tables.length - 1; t >= 0; t--)
      if (this.tables[t].sheet === name) this.tables.splice(t, 1);
  }

  private newId(): string {
    this.made += 1;
    return `m${this.made}`;
  }

  /** Hides rows of a user's sheet (0-based), as Excel's Hide or a filter does (test setup). */
  hideRows(name: string, rows: number[]): void {
    const sheet = this.sheets.find((s) => s.name === name);
    if (sheet) sheet.hiddenRows = [...new Set([...(sheet.hiddenRows ?? []), ...rows])];
  }

  /** Hides columns of a user's sheet (0-based: 2 is C), as Excel's Hide does (test setup). */
  hideColumns(name: string, cols: number[]): void {
    const sheet = this.sheets.find((s) => s.name === name);
    if (sheet) sheet.hiddenCols = [...new Set([...(sheet.hiddenCols ?? []), ...cols])];
  }

  /** Hides a user's sheet (test setup), as Excel's Hide does. */
  hideSheet(name: string): void {
    this.hidden.add(name);
  }

  async hiddenSheets(): Promise<string[]> {
    return this.sheets.map((s) => s.name).filter((n) => this.hidden.has(n));
  }

  /** Every cell of every sheet, for before/after comparisons. */
  snapshot(): Record<string, CellValue[][]> {
    const out: Record<string, CellValue[][]> = {};
    for (const s of this.sheets) out[s.name] = s.cells.map((r) => [...r]);
    return out;
  }

  /** Names of the sheets the add-in owns now (a renamed result sheet is no longer one of them). */
  ownedSheets(): string[] {
    return this.sheets
      .filter((s) => this.owned.some((o) => o.id === s.id && o.name === s.name))
      .map((s) => s.name);
  }

  async sheetNames(): Promise<string[]> {
    return this.sheets.map((s) => s.name);
  }

  async readSheet(name: string): Promise<Grid> {
    const found = findSheetName(
      this.sheets.map((s) => s.name),
      name
    );
    if (found === undefined) throw missingSheetError(name, await this.sheetNames());
    const sheet = this.sheets.find((s) => s.name === found)!;
    return {
      sheet: found,
      rows: sheet.cells.map((r) => [...r]),
      origin: { row: 0, col: 0 },
      ...(sheet.hiddenRows?.length
        ? { hiddenRows: [...sheet.hiddenRows].sort((a, b) => a - b) }
        : {}),
      ...(sheet.hiddenCols?.length
        ? { hiddenCols: [...sheet.hiddenCols].sort((a, b) => a - b) }
        : {}),
    };
  }

  async writeResults(outputs: OutputSheet[], options: WriteOptions = {}): Promise<string[]> {
    const own = options.owned !== false;
    const plans = planSheets(
      outputs.map((o) => o.sheet),
      this.sheets,
      own ? this.owned : []
    );
    // Build everything first, so that a failure leaves the workbook as it was.
    const built = outputs.map((output, i) => ({
      plan: plans[i],
      ...this.render(output, plans[i].name),
    }));
    const written: OwnedSheet[] = [];
    for (let i = 0; i < built.length; i++) {
      const { plan, cells, tables } = built[i];
      if (plan.replace) {
        const old = this.sheets.find((s) => s.name === plan.name)!;
        const record = this.owned.find((o) => o.id === old.id);
        const grid = { sheet: old.name, rows: old.cells, origin: { row: 0, col: 0 } };
        if (record?.hash && valuesHash(grid) !== record.hash) {
          // The user changed our sheet: theirs stays under a name of its own, no longer ours.
          const keptAs = editedSheetName(
            plan.name,
            this.sheets.map((s) => s.name)
          );
          for (const t of this.tables) if (t.sheet === old.name) t.sheet = keptAs;
          old.name = keptAs;
          options.onNote?.(editedNote(plan.name, keptAs));
        } else this.deleteSheet(plan.name);
      }
      const sheet = { id: this.newId(), name: plan.name, cells };
      this.sheets.push(sheet);
      written.push({ id: sheet.id, name: sheet.name, hash: outputHash(outputs[i]) });
      for (const table of tables) {
        table.name = uniqueTableName(
          table.name,
          this.tables.map((t) => t.name)
        );
        this.tables.push(table);
      }
    }
    if (own) this.owned = nextOwned(this.owned, this.sheets, written);
    return plans.map((p) => p.name);
  }

  private render(
    output: OutputSheet,
    sheetName: string
  ): { cells: CellValue[][]; tables: MemoryTable[] } {
    const cells: CellValue[][] = [];
    const tables: MemoryTable[] = [];
    const put = (row: number, col: number, values: readonly CellValue[]) => {
      const line = (cells[row] ??= []);
      for (let c = line.length; c < col; c++) line[c] = null;
      values.forEach((v, c) => (line[col + c] = v));
    };
    for (const { table, titleRow, headerRow, col } of layoutSheet(output)) {
      if (titleRow !== null) put(titleRow, col, [table.title ?? null]);
      put(
        headerRow,
        col,
        table.columns.map((c) => c.header)
      );
      assertTableShape(table);
      table.rows.forEach((r, i) => put(headerRow + 1 + i, col, r));
      tables.push({
        name: table.name,
        sheet: sheetName,
        row: headerRow,
        col,
        headers: table.columns.map((c) => c.header),
        formats: table.columns.map((c) => c.format),
        rows: table.rows.map((r) => [...r]),
      });
    }
    for (let i = 0; i < cells.length; i++) if (!cells[i]) cells[i] = [];
    return { cells, tables };
  }
}
