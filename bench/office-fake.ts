// An instrumented stand-in for Excel's object model, enough for the Office.js adapter: counts context.sync() calls and
// measures, per sync, the JSON size of what is sent (values, formats written) and what comes back (values loaded).
// Loaded used ranges are office-addin-mock objects, so reading a property that was not loaded and synced fails as it
// does in Office.js.

import { OfficeMockObject } from "office-addin-mock";
import { a1 } from "../src/workbook/grid";

type Value = string | number | boolean;

interface Cell {
  value: Value;
  format: string;
}

/** Per-operation counters: reset before each measured read or write. */
export interface SyncStats {
  syncs: number;
  /** Largest request (bytes of JSON queued between two syncs). */
  largestRequest: number;
  /** Largest response (bytes of JSON of the properties loaded in one sync). */
  largestResponse: number;
  requestBytes: number;
  responseBytes: number;
}

export function emptyStats(): SyncStats {
  return { syncs: 0, largestRequest: 0, largestResponse: 0, requestBytes: 0, responseBytes: 0 };
}

class Sheet {
  cells: Cell[][] = [];
  tables: { name: string; address: string }[] = [];
  visibility = "Visible";
  constructor(public name: string) {}

  get(r: number, c: number): Cell | undefined {
    return this.cells[r]?.[c];
  }

  set(r: number, c: number, value: Value, format?: string): void {
    const row = (this.cells[r] ??= []);
    if (value === "" && format === undefined) {
      delete row[c];
      return;
    }
    row[c] = { value, format: format ?? row[c]?.format ?? "General" };
  }

  bounds(): { top: number; left: number; bottom: number; right: number } | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    this.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell || cell.value === "") return;
        top = Math.min(top, r);
        bottom = Math.max(bottom, r);
        left = Math.min(left, c);
        right = Math.max(right, c);
      })
    );
    return bottom < 0 ? null : { top, left, bottom, right };
  }
}

function typeOf(cell: Cell | undefined): string {
  if (!cell || cell.value === "") return "Empty";
  if (typeof cell.value === "number") return "Double";
  if (typeof cell.value === "boolean") return "Boolean";
  return "String";
}

const NULL_OBJECT = { isNullObject: true, load: () => NULL_OBJECT };

export class FakeOfficeExcel {
  private sheets: Sheet[] = [];
  private queued = 0;
  /** Loads waiting for the next sync: each adds its response size and makes properties readable. */
  private pending: (() => number)[] = [];
  /** office-addin-mock objects loaded since the last sync; each returns the bytes it made readable. */
  private mocks: (() => Promise<number>)[] = [];
  private added = 0;
  stats = emptyStats();

  addSheet(name: string, rows: (Value | null)[][]): void {
    const sheet = new Sheet(name);
    rows.forEach((row, r) => row.forEach((v, c) => v !== null && v !== "" && sheet.set(r, c, v)));
    this.sheets.push(sheet);
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** Cells written to a sheet, for checking that a write really landed. */
  cellCount(name: string): number {
    const sheet = this.sheets.find((s) => s.name === name);
    return sheet
      ? sheet.cells.reduce((n, row) => n + row.filter((c) => c && c.value !== "").length, 0)
      : 0;
  }

  resetStats(): void {
    this.stats = emptyStats();
  }

  private find(name: string): Sheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  private queue(bytes: number): void {
    this.queued += bytes;
  }

  private async sync(): Promise<void> {
    const s = this.stats;
    s.syncs += 1;
    s.largestRequest = Math.max(s.largestRequest, this.queued);
    s.requestBytes += this.queued;
    this.queued = 0;
    let response = 0;
    for (const load of this.pending.splice(0)) response += load();
    for (const m of this.mocks.splice(0)) response += await m();
    s.largestResponse = Math.max(s.largestResponse, response);
    s.responseBytes += response;
  }

  private range(sheet: Sheet, row: number, col: number, rowCount: number, columnCount: number) {
    const book = this;
    // Office.js hands out the arrays fetched by the last sync; reading a property twice does not fetch it again.
    const loaded = new Map<string, unknown>();
    const grid = <T>(pick: (c: Cell | undefined) => T): T[][] =>
      Array.from({ length: rowCount }, (_, r) =>
        Array.from({ length: columnCount }, (_, c) => pick(sheet.get(row + r, col + c)))
      );
    const need = <T>(p: string): T => {
      if (!loaded.has(p)) throw new Error(`PropertyNotLoaded: ${p}`);
      return loaded.get(p) as T;
    };
    const fetch = (p: string): unknown =>
      p === "values"
        ? grid((c) => c?.value ?? "")
        : p === "valueTypes"
          ? grid(typeOf)
          : p === "numberFormat"
            ? grid((c) => c?.format ?? "General")
            : null;
    const checkShape = (v: unknown[][]): void => {
      if (v.length !== rowCount || v.some((r) => r.length !== columnCount))
        throw new Error(`InvalidArgument: ${v.length} rows for a range of ${rowCount}`);
    };
    return {
      isNullObject: false,
      load(props: string) {
        const names = props.split(",").map((p) => p.trim());
        book.pending.push(() => {
          let bytes = 0;
          for (const p of names) {
            const value = fetch(p);
            loaded.set(p, value);
            bytes += JSON.stringify(value).length;
          }
          return bytes;
        });
        book.queue(props.length + 32);
        return this;
      },
      get values(): Value[][] {
        return need<Value[][]>("values");
      },
      set values(v: Value[][]) {
        checkShape(v);
        book.queue(JSON.stringify(v).length);
        v.forEach((r, i) => r.forEach((value, j) => sheet.set(row + i, col + j, value)));
      },
      get valueTypes(): string[][] {
        return need<string[][]>("valueTypes");
      },
      get numberFormat(): string[][] {
        return need<string[][]>("numberFormat");
      },
      set numberFormat(f: string[][]) {
        checkShape(f);
        book.queue(JSON.stringify(f).length);
        f.forEach((r, i) =>
          r.forEach((format, j) => {
            const cell = sheet.get(row + i, col + j);
            sheet.set(row + i, col + j, cell?.value ?? "", format);
          })
        );
      },
      format: {
        font: {
          set bold(_v: boolean) {
            book.queue(48);
          },
        },
        autofitColumns: () => book.queue(48),
      },
      clear: () => {
        book.queue(48);
        for (let r = 0; r < rowCount; r++)
          for (let c = 0; c < columnCount; c++) sheet.set(row + r, col + c, "");
      },
    };
  }

  private sheetObject(sheet: Sheet) {
    const book = this;
    return {
      isNullObject: false,
      get name() {
        return sheet.name;
      },
      set name(v: string) {
        if (book.sheets.some((s) => s !== sheet && s.name.toLowerCase() === v.toLowerCase()))
          throw new Error(`ItemAlreadyExists: ${v}`);
        book.queue(v.length + 32);
        sheet.name = v;
      },
      set visibility(v: string) {
        book.queue(48);
        sheet.visibility = v;
      },
      load: (props: string) => book.queue(props.length + 32),
      activate: () => book.queue(32),
      delete: () => {
        book.queue(32);
        book.sheets = book.sheets.filter((s) => s !== sheet);
      },
      getUsedRangeOrNullObject: () => {
        const b = sheet.bounds();
        if (!b) return NULL_OBJECT;
        const rowCount = b.bottom - b.top + 1;
        const columnCount = b.right - b.left + 1;
        const inner = book.range(sheet, b.top, b.left, rowCount, columnCount);
        const cells = <T>(pick: (c: Cell | undefined) => T): T[][] =>
          Array.from({ length: rowCount }, (_, r) =>
            Array.from({ length: columnCount }, (_, c) => pick(sheet.get(b.top + r, b.left + c)))
          );
        // The used range's properties come from office-addin-mock: readable only after load + sync.
        const mock = new OfficeMockObject({
          isNullObject: false,
          address: `${sheet.name}!${a1(b.top, b.left)}:${a1(b.bottom, b.right)}`,
          rowCount,
          columnCount,
          values: cells((c) => c?.value ?? ""),
          valueTypes: cells(typeOf),
          numberFormat: cells((c) => c?.format ?? "General"),
        }) as unknown as Record<string, unknown> & {
          load(p: string): unknown;
          sync(): Promise<void>;
        };
        const load = mock.load.bind(mock);
        mock.load = (props: string) => {
          load(props);
          book.queue(props.length + 32);
          const names = props.split(",").map((p) => p.trim());
          // Response size is measured after the mock's own sync made the properties readable.
          book.mocks.push(async () => {
            await mock.sync();
            return names.reduce((n, p) => n + JSON.stringify(mock[p] ?? null).length, 0);
          });
          return mock;
        };
        mock.isNullObject = false;
        mock.clear = () => inner.clear();
        return mock;
      },
      getRangeByIndexes: (r: number, c: number, h: number, w: number) => {
        if (h < 1 || w < 1) throw new Error("InvalidArgument: empty range");
        book.queue(48);
        return book.range(sheet, r, c, h, w);
      },
      tables: {
        add(address: string, hasHeaders: boolean) {
          if (!hasHeaders) throw new Error("expected headers");
          book.queue(address.length + 48);
          const table = { name: `Table${++book.added}`, address, style: "" };
          sheet.tables.push(table);
          return table;
        },
      },
      freezePanes: { freezeRows: () => book.queue(32) },
    };
  }

  private context() {
    const book = this;
    let sheetItems: { name: string }[] | null = null;
    let tableItems: { name: string; worksheet: { name: string } }[] | null = null;
    const worksheets = {
      load(props: string) {
        book.queue(props.length + 32);
        book.pending.push(() => {
          sheetItems = book.sheets.map((s) => ({ name: s.name }));
          return JSON.stringify(sheetItems).length;
        });
      },
      get items() {
        if (!sheetItems) throw new Error("PropertyNotLoaded: worksheets.items");
        return sheetItems;
      },
      getItemOrNullObject(name: string) {
        book.queue(name.length + 32);
        const sheet = book.find(name);
        return sheet
          ? book.sheetObject(sheet)
          : { ...NULL_OBJECT, getUsedRangeOrNullObject: () => NULL_OBJECT };
      },
      getItem(name: string) {
        book.queue(name.length + 32);
        const sheet = book.find(name);
        if (!sheet) throw new Error(`ItemNotFound: ${name}`);
        return book.sheetObject(sheet);
      },
      add(name?: string) {
        book.queue(48);
        let fresh = name ?? `Sheet${++book.added}`;
        while (!name && book.find(fresh)) fresh = `Sheet${++book.added}`;
        if (book.find(fresh)) throw new Error(`ItemAlreadyExists: ${fresh}`);
        const sheet = new Sheet(fresh);
        book.sheets.push(sheet);
        return book.sheetObject(sheet);
      },
    };
    const tables = {
      load(props: string) {
        book.queue(props.length + 32);
        book.pending.push(() => {
          tableItems = book.sheets.flatMap((s) =>
            s.tables.map((t) => ({ name: t.name, worksheet: { name: s.name } }))
          );
          return JSON.stringify(tableItems).length;
        });
      },
      get items() {
        if (!tableItems) throw new Error("PropertyNotLoaded: tables.items");
        return tableItems;
      },
    };
    return { workbook: { worksheets, tables }, sync: () => book.sync() };
  }

  /** Installs the global Excel (and Office.context.requirements) the adapter uses. */
  install(): void {
    const g = globalThis as unknown as { Excel: unknown; Office: unknown };
    g.Excel = {
      run: async <T>(batch: (context: unknown) => Promise<T>): Promise<T> => {
        const result = await batch(this.context());
        // Excel.run syncs what is still queued when the batch returns.
        if (this.queued > 0 || this.pending.length > 0 || this.mocks.length > 0) await this.sync();
        return result;
      },
    };
    g.Office = {
      context: { requirements: new OfficeMockObject({ isSetSupported: () => true }) },
    };
  }
}
