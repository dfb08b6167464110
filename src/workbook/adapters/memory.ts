// In-memory workbook for tests and fuzzing: sheets are arrays of values, tables are recorded as written.

import type { CellValue, Grid } from "../grid";
import { assertTableShape, layoutSheet, type OutputSheet } from "../output";
import {
  findSheetName,
  mergeOwned,
  missingSheetError,
  planSheets,
  uniqueTableName,
} from "../ownership";
import type { WorkbookPort } from "../port";

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
  name: string;
  cells: CellValue[][];
}

export class MemoryWorkbook implements WorkbookPort {
  private sheets: MemorySheet[] = [];
  private owned: string[] = [];
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
    else this.sheets.push({ name, cells: copy });
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

  ownedSheets(): string[] {
    return [...this.owned];
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
    return { sheet: found, rows: sheet.cells.map((r) => [...r]), origin: { row: 0, col: 0 } };
  }

  async writeResults(outputs: OutputSheet[]): Promise<string[]> {
    const plans = planSheets(
      outputs.map((o) => o.sheet),
      this.sheets.map((s) => s.name),
      this.owned
    );
    // Build everything first, so that a failure leaves the workbook as it was.
    const built = outputs.map((output, i) => ({
      plan: plans[i],
      ...this.render(output, plans[i].name),
    }));
    for (const { plan, cells, tables } of built) {
      if (plan.replace) {
        this.sheets = this.sheets.filter((s) => s.name !== plan.name);
        for (let t = this.tables.length - 1; t >= 0; t--)
          if (this.tables[t].sheet === plan.name) this.tables.splice(t, 1);
      }
      this.sheets.push({ name: plan.name, cells });
      for (const table of tables) {
        table.name = uniqueTableName(
          table.name,
          this.tables.map((t) => t.name)
        );
        this.tables.push(table);
      }
    }
    this.owned = mergeOwned(
      this.owned,
      plans.map((p) => p.name)
    );
    return plans.map((p) => p.name);
  }

  private render(
    output: OutputSheet,
    sheetName: string
  ): { cells: CellValue[][]; tables: MemoryTable[] } {
    const cells: CellValue[][] = [];
    const tables: MemoryTable[] = [];
    for (const { table, titleRow, headerRow } of layoutSheet(output)) {
      if (titleRow !== null) cells[titleRow] = [table.title ?? null];
      cells[headerRow] = table.columns.map((c) => c.header);
      assertTableShape(table);
      table.rows.forEach((r, i) => (cells[headerRow + 1 + i] = [...r]));
      tables.push({
        name: table.name,
        sheet: sheetName,
        row: headerRow,
        col: 0,
        headers: table.columns.map((c) => c.header),
        formats: table.columns.map((c) => c.format),
        rows: table.rows.map((r) => [...r]),
      });
    }
    for (let i = 0; i < cells.length; i++) if (!cells[i]) cells[i] = [];
    return { cells, tables };
  }
}
