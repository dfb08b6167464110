// The one fake Excel of the tests and the bench: a small Excel object model for the Office.js adapter. It counts
// syncs and measures, per sync, the JSON size of what is sent (values and formats written) and what comes back
// (properties loaded), and refuses to hand out properties that were not loaded and synced (as Office.js does). Used
// ranges are office-addin-mock objects. (Under jest, office-addin-mock's manifest dependency is replaced by
// test/support/office-addin-manifest.ts: see jest.config.js.)

import { OfficeMockObject } from "office-addin-mock";
import { a1, columnIndex } from "../../src/workbook/grid";

type Value = string | number | boolean;

/** Sync counters of one measured operation (the bench resets them before each read or write). */
export interface SyncStats {
  syncs: number;
  /** Largest request: bytes of JSON queued between two syncs. */
  largestRequest: number;
  /** Largest response: bytes of JSON of the properties loaded in one sync. */
  largestResponse: number;
  requestBytes: number;
  responseBytes: number;
}

/** A chart as the adapter built it: ranges as A1 addresses of the fake sheet. */
export interface FakeChart {
  type: string;
  title: string;
  series: { name: string; values: string; categories?: string }[];
  position?: string;
}

function rangeAddress(range: FakeRange): string {
  return `${a1(range.row, range.col)}:${a1(range.row + range.rowCount - 1, range.col + range.columnCount - 1)}`;
}

interface Cell {
  value: Value;
  format: string;
  type?: string;
}

let sheetsMade = 0;

export class FakeSheet {
  /** Worksheet.id: a GUID in Excel, never given to another sheet. */
  readonly id = `{00000000-0001-0000-${String(++sheetsMade).padStart(4, "0")}-000000000000}`;
  /** Cells by row, then column (sparse arrays: a 10,000-row sheet stays cheap to scan). */
  private rows: Cell[][] = [];
  visibility = "Visible";
  /** Hidden or filtered-out rows and hidden columns, 0-based (test setup). */
  hiddenRows = new Set<number>();
  hiddenCols = new Set<number>();
  frozenRows = 0;
  bold = new Set<string>();
  tables: { name: string; address: string; style?: string }[] = [];
  charts: FakeChart[] = [];
  /** What the adapter set on pageLayout (ExcelApi 1.9), by property. */
  pageLayout: Record<string, unknown> = {};
  constructor(
    public name: string,
    readonly book: FakeExcel
  ) {}

  /** Number formats set on cells before any value was written there. */
  private formatsAhead = new Map<string, string>();

  /** Sets a cell's number format, whether or not it holds a value yet. */
  setFormat(row: number, col: number, format: string): void {
    const cell = this.get(row, col);
    if (cell) cell.format = format;
    else this.formatsAhead.set(`${row},${col}`, format);
  }

  /** The number format a value written to this cell meets. */
  formatAt(row: number, col: number): string {
    return this.get(row, col)?.format ?? this.formatsAhead.get(`${row},${col}`) ?? "General";
  }

  set(row: number, col: number, value: Value | null, format = "General", type?: string): void {
    if (value === "" || value === null) {
      if (this.rows[row]) delete this.rows[row][col];
    } else (this.rows[row] ??= [])[col] = { value, format, type };
  }

  get(row: number, col: number): Cell | undefined {
    return this.rows[row]?.[col];
  }

  /** Every cell holding a value (test assertions). */
  allCells(): Cell[] {
    return this.rows.flatMap((row) => (row ? row.filter((c) => c !== undefined) : []));
  }

  /** Bounding box of non-empty cells, or null. */
  bounds(): { top: number; left: number; bottom: number; right: number } | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    this.rows.forEach((row, r) =>
      row.forEach((_cell, c) => {
        top = Math.min(top, r);
        bottom = Math.max(bottom, r);
        left = Math.min(left, c);
        right = Math.max(right, c);
      })
    );
    return bottom < 0 ? null : { top, left, bottom, right };
  }

  /** Rows of plain values in the bounding box (test assertions). */
  valuesInUse(): Value[][] {
    const b = this.bounds();
    if (!b) return [];
    const rows: Value[][] = [];
    for (let r = b.top; r <= b.bottom; r++) {
      const row: Value[] = [];
      for (let c = b.left; c <= b.right; c++) row.push(this.get(r, c)?.value ?? "");
      rows.push(row);
    }
    return rows;
  }
}

/**
 * What Excel makes of a value written to range.values (in a cell of this number format), as documented and as Excel
 * on the web does: a leading
 * apostrophe makes the rest text (the apostrophe is not part of the value); text starting with =, + or - is a formula
 * (and @ an implicit-intersection formula); text that reads as a number becomes a number.
 */
export function asTyped(value: Value, format = "General"): { value: Value; type?: string } {
  if (typeof value !== "string") return { value };
  // A cell formatted as text ("@") keeps what is written as it is, a leading apostrophe included (as Excel may show
  // it): the adapter must not send both.
  if (format === "@") return { value, type: "String" };
  if (value.startsWith("'")) return { value: value.slice(1), type: "String" };
  if (/^[=+\-@]/.test(value) && value.length > 1) return { value, type: "Formula" };
  if (/^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?%?\s*$/i.test(value)) {
    const number = Number(value.trim().replace(/%$/, ""));
    return { value: value.trim().endsWith("%") ? number / 100 : number };
  }
  return { value };
}

function typeOf(cell: Cell | undefined): string {
  if (!cell) return "Empty";
  if (cell.type) return cell.type;
  if (typeof cell.value === "number") return "Double";
  if (typeof cell.value === "boolean") return "Boolean";
  return "String";
}

/** A range: writes go straight to the sheet (and count towards the request); reads need load + sync. */
class FakeRange {
  private requested = new Set<string>();
  private loaded = new Set<string>();
  readonly format: { font: { bold: boolean }; autofitColumns: () => void };

  constructor(
    private readonly sheet: FakeSheet,
    readonly row: number,
    readonly col: number,
    readonly rowCount: number,
    readonly columnCount: number
  ) {
    const range = this;
    this.format = {
      font: {
        set bold(v: boolean) {
          if (v) range.sheet.bold.add(a1(range.row, range.col));
        },
        get bold() {
          return range.sheet.bold.has(a1(range.row, range.col));
        },
      },
      autofitColumns: () => this.sheet.book.queue(16),
    };
  }

  load(props: string): this {
    const names = props.split(",").map((p) => p.trim());
    names.forEach((p) => this.requested.add(p));
    this.sheet.book.pending.push(() => {
      this.requested.forEach((p) => this.loaded.add(p));
      return names.reduce(
        (n, p) =>
          n + JSON.stringify((this as unknown as Record<string, unknown>)[p] ?? null).length,
        0
      );
    });
    return this;
  }

  private need(prop: string): void {
    if (!this.loaded.has(prop)) throw new Error(`PropertyNotLoaded: ${prop}`);
  }

  private grid<T>(pick: (cell: Cell | undefined) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.rowCount; r++) {
      const row: T[] = [];
      for (let c = 0; c < this.columnCount; c++)
        row.push(pick(this.sheet.get(this.row + r, this.col + c)));
      out.push(row);
    }
    return out;
  }

  private checkShape(v: unknown[][]): void {
    if (v.length !== this.rowCount || v.some((r) => r.length !== this.columnCount)) {
      throw new Error(`InvalidArgument: ${v.length} rows for a range of ${this.rowCount}`);
    }
  }

  get values(): Value[][] {
    this.need("values");
    return this.grid((c) => c?.value ?? "");
  }

  set values(v: Value[][]) {
    this.checkShape(v);
    this.sheet.book.queue(JSON.stringify(v).length);
    v.forEach((row, r) =>
      row.forEach((value, c) => {
        const format = this.sheet.formatAt(this.row + r, this.col + c);
        const typed = asTyped(value, format);
        this.sheet.set(this.row + r, this.col + c, typed.value, format, typed.type);
      })
    );
  }

  get valueTypes(): string[][] {
    this.need("valueTypes");
    return this.grid(typeOf);
  }

  get numberFormat(): string[][] {
    this.need("numberFormat");
    return this.grid((c) => c?.format ?? "General");
  }

  set numberFormat(f: string[][]) {
    this.checkShape(f);
    this.sheet.book.queue(JSON.stringify(f).length);
    this.sheet.book.formats.push({
      sheet: this.sheet.name,
      row: this.row,
      col: this.col,
      formats: f,
    });
    f.forEach((row, r) =>
      row.forEach((format, c) => this.sheet.setFormat(this.row + r, this.col + c, format))
    );
  }

  clear(): void {
    for (let r = 0; r < this.rowCount; r++)
      for (let c = 0; c < this.columnCount; c++) this.sheet.set(this.row + r, this.col + c, "");
  }
}

/** A proxy for an object that does not exist: every method returns another such proxy. */
function ghost(): unknown {
  const target = () => undefined;
  return new Proxy(target, {
    get: (_, prop) => (prop === "then" ? undefined : ghost()),
    set: () => true,
    apply: () => ghost(),
  });
}

const NULL_OBJECT = { isNullObject: true, load: () => NULL_OBJECT };

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** One area of an A1 address as Excel accepts it: "C6", "C6:C85", whole rows "6:85" or whole columns "C:E". */
const AREA =
  /^(\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?|\$?\d+:\$?\d+|\$?[A-Z]{1,3}:\$?[A-Z]{1,3})$/;

/** Range.select / RangeAreas.select: the selection changes at the next sync (as every queued action does). */
function selectable(sheet: FakeSheet, address: string, areas: number) {
  const parts = address.split(",").map((a) => a.trim());
  if (parts.length > areas || parts.some((a) => !AREA.test(a)))
    throw new Error(`InvalidArgument: address ${address}`);
  return {
    select() {
      sheet.book.queue(address.length + 16);
      sheet.book.pending.push(() => {
        sheet.book.selection = { sheet: sheet.name, address: parts.join(", ") };
        return 0;
      });
    },
  };
}

/** The sheet as the adapter sees it through Office.js. */
function sheetProxy(sheet: FakeSheet) {
  const book = sheet.book;
  // As in Office.js, name, id and visibility are readable only once loaded and synced.
  const loaded = new Set<string>();
  const need = (prop: string) => {
    if (!loaded.has(prop)) throw new Error(`PropertyNotLoaded: worksheet.${prop}`);
  };
  return {
    isNullObject: false,
    get name() {
      need("name");
      return sheet.name;
    },
    get id() {
      need("id");
      return sheet.id;
    },
    get visibility() {
      need("visibility");
      return sheet.visibility;
    },
    set name(v: string) {
      if (book.sheets.some((s) => s !== sheet && sameName(s.name, v)))
        throw new Error(`ItemAlreadyExists: ${v}`);
      sheet.name = v;
    },
    set visibility(v: string) {
      sheet.visibility = v;
    },
    load(props: string) {
      const names = props.split(",").map((p) => p.trim());
      book.pending.push(() => {
        names.forEach((p) => loaded.add(p));
        return JSON.stringify(names.map((p) => (sheet as unknown as Record<string, unknown>)[p]))
          .length;
      });
    },
    activate: () => {
      book.pending.push(() => {
        book.active = sheet.name;
        return 0;
      });
    },
    getRange: (address: string) => selectable(sheet, address, 1),
    getRanges: (address: string) => selectable(sheet, address, Infinity),
    delete: () => book.deleteSheet(sheet),
    getUsedRangeOrNullObject(): unknown {
      const b = sheet.bounds();
      if (!b) return NULL_OBJECT;
      const range = new FakeRange(sheet, b.top, b.left, b.bottom - b.top + 1, b.right - b.left + 1);
      // The used range is an office-addin-mock object: reading anything not loaded gives its "not loaded" error.
      const mock = new OfficeMockObject({
        isNullObject: false,
        address: `${sheet.name}!${a1(b.top, b.left)}:${a1(b.bottom, b.right)}`,
        rowCount: range.rowCount,
        columnCount: range.columnCount,
        values: sheet.valuesInUse(),
        valueTypes: new FakeRangeReader(range).types(),
        numberFormat: new FakeRangeReader(range).formats(),
      }) as unknown as Record<string, unknown> & { sync(): Promise<void> };
      // Loads are answered at the next sync; the response is measured once the mock made them readable.
      const load = (mock.load as (p: string) => unknown).bind(mock);
      mock.load = (props: string) => {
        load(props);
        const names = props.split(",").map((p) => p.trim());
        book.mocks.push(async () => {
          await mock.sync();
          return names.reduce((n, p) => n + JSON.stringify(mock[p] ?? null).length, 0);
        });
        return mock;
      };
      mock.isNullObject = false;
      mock.clear = () => range.clear();
      mock.getSpecialCellsOrNullObject = (type: string) => {
        if (type !== "Visible") throw new Error(`fake: special cells ${type}`);
        return visibleAreas(sheet, b);
      };
      return mock;
    },
    getRangeByIndexes: (r: number, c: number, h: number, w: number) => {
      if (h < 1 || w < 1) throw new Error("InvalidArgument: empty range");
      return new FakeRange(sheet, r, c, h, w);
    },
    tables: {
      add(address: string, hasHeaders: boolean) {
        if (!hasHeaders) throw new Error("expected headers");
        const table = {
          name: `Table${book.tableCount() + 1}`,
          address,
          style: undefined as string | undefined,
        };
        const [first] = address.split(":");
        const m = /^([A-Z]+)(\d+)$/.exec(first)!;
        if (!sheet.get(Number(m[2]) - 1, columnIndex(m[1])))
          throw new Error("table header is empty");
        sheet.tables.push(table);
        book.queue(address.length + 16);
        return table;
      },
    },
    charts: {
      add(type: string, source: FakeRange, seriesBy: string) {
        if (seriesBy !== "Columns") throw new Error("expected series by columns");
        const chart: FakeChart = {
          type,
          title: "",
          series: [{ name: "", values: rangeAddress(source) }],
        };
        sheet.charts.push(chart);
        book.queue(64);
        const seriesProxy = (index: number) => ({
          set name(v: string) {
            chart.series[index].name = v;
          },
          setValues(range: FakeRange) {
            chart.series[index].values = rangeAddress(range);
          },
          setXAxisValues(range: FakeRange) {
            chart.series[index].categories = rangeAddress(range);
          },
        });
        return {
          title: {
            set text(v: string) {
              chart.title = v;
            },
          },
          series: {
            getItemAt: (i: number) => seriesProxy(i),
            add: () => {
              chart.series.push({ name: "", values: "" });
              return seriesProxy(chart.series.length - 1);
            },
          },
          setPosition(range: FakeRange) {
            chart.position = a1(range.row, range.col);
          },
        };
      },
    },
    freezePanes: {
      freezeRows: (n: number) => {
        sheet.frozenRows = n;
      },
    },
    pageLayout: {
      set paperSize(v: string) {
        sheet.pageLayout.paperSize = v;
      },
      set orientation(v: string) {
        sheet.pageLayout.orientation = v;
      },
      set zoom(v: unknown) {
        sheet.pageLayout.zoom = v;
      },
      setPrintTitleRows(address: string) {
        sheet.pageLayout.printTitleRows = address;
      },
      headersFooters: {
        defaultForAllPages: {
          set centerHeader(v: string) {
            sheet.pageLayout.centerHeader = v;
          },
          set rightHeader(v: string) {
            sheet.pageLayout.rightHeader = v;
          },
          set centerFooter(v: string) {
            sheet.pageLayout.centerFooter = v;
          },
        },
      },
    },
  };
}

/** Runs of indices from first to last not in `hidden`: [first, last] pairs. */
function shownRuns(first: number, last: number, hidden: Set<number>): [number, number][] {
  const runs: [number, number][] = [];
  for (let i = first; i <= last; i++) {
    if (hidden.has(i)) continue;
    const run = runs[runs.length - 1];
    if (run && run[1] === i - 1) run[1] = i;
    else runs.push([i, i]);
  }
  return runs;
}

/**
 * The used range's visible cells as Excel gives them (a RangeAreas, ExcelApi 1.9): blocks of visible rows × visible
 * columns, each address with its sheet's name, the address readable only once loaded and synced; a null object when
 * every cell is hidden.
 */
function visibleAreas(
  sheet: FakeSheet,
  b: { top: number; left: number; bottom: number; right: number }
) {
  const rows = shownRuns(b.top, b.bottom, sheet.hiddenRows);
  const cols = shownRuns(b.left, b.right, sheet.hiddenCols);
  if (rows.length === 0 || cols.length === 0) return NULL_OBJECT;
  const name = /^[A-Za-z0-9_]+$/.test(sheet.name)
    ? sheet.name
    : `'${sheet.name.replace(/'/g, "''")}'`;
  const address = rows
    .flatMap(([top, bottom]) =>
      cols.map(([left, right]) => `${name}!${a1(top, left)}:${a1(bottom, right)}`)
    )
    .join(",");
  let loaded = false;
  return {
    isNullObject: false,
    load(props: string) {
      sheet.book.pending.push(() => {
        loaded = props.split(",").includes("address");
        return JSON.stringify(address).length;
      });
    },
    get address() {
      if (!loaded) throw new Error("PropertyNotLoaded: address");
      return address;
    },
  };
}

/** A read-side view used to seed office-addin-mock used ranges with types and formats. */
class FakeRangeReader {
  constructor(private readonly range: FakeRange) {}
  types(): string[][] {
    return this.withLoaded("valueTypes", () => this.range.valueTypes);
  }
  formats(): string[][] {
    return this.withLoaded("numberFormat", () => this.range.numberFormat);
  }
  private withLoaded<T>(prop: string, get: () => T): T {
    (this.range as unknown as { loaded: Set<string> }).loaded.add(prop);
    return get();
  }
}

export class FakeExcel {
  sheets: FakeSheet[] = [];
  stats: SyncStats = emptyStats();
  /** Bytes queued since the last sync. */
  private queued = 0;
  /** Loads waiting for the next sync: each makes its properties readable and returns their size in bytes. */
  pending: (() => number)[] = [];
  /** office-addin-mock used ranges loaded since the last sync, each returning the bytes it made readable. */
  mocks: (() => Promise<number>)[] = [];
  formats: { sheet: string; row: number; col: number; formats: string[][] }[] = [];
  private added = 0;
  failure: Error | undefined;
  /** Makes the sync of this number (counted as `syncs`) fail with this error, as a host error would (tests). */
  failAt: { sync: number; error: Error } | undefined;
  active: string | undefined;
  /** What Range.select or RangeAreas.select selected last (areas joined by ", "). */
  selection: { sheet: string; address: string } | undefined;

  /** context.sync() calls so far (since resetStats). */
  get syncs(): number {
    return this.stats.syncs;
  }

  /** The largest request so far (since resetStats). */
  get largestRequest(): number {
    return this.stats.largestRequest;
  }

  resetStats(): void {
    this.stats = emptyStats();
  }

  addSheet(name: string, rows: (Value | null)[][] = [], at = { row: 0, col: 0 }): FakeSheet {
    const sheet = new FakeSheet(name, this);
    rows.forEach((row, r) => row.forEach((v, c) => sheet.set(at.row + r, at.col + c, v)));
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  tableCount(): number {
    return this.sheets.reduce((n, s) => n + s.tables.length, 0);
  }

  queue(bytes: number): void {
    this.queued += bytes;
  }

  /** What was queued goes to Excel (at a sync, or at the end of Excel.run). */
  private sent(): void {
    this.stats.largestRequest = Math.max(this.stats.largestRequest, this.queued);
    this.stats.requestBytes += this.queued;
    this.queued = 0;
  }

  /** Cells holding a value on a sheet, for checking that a write really landed. */
  cellCount(name: string): number {
    return this.sheet(name)?.allCells().length ?? 0;
  }

  deleteSheet(sheet: FakeSheet): void {
    const visible = this.sheets.filter((s) => s.visibility === "Visible");
    if (visible.length === 1 && visible[0] === sheet)
      throw new Error("cannot delete the last visible sheet");
    this.sheets = this.sheets.filter((s) => s !== sheet);
  }

  /** getItem takes a name (case-insensitive) or an id, as in Office.js. */
  private find(key: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === key) ?? this.sheets.find((s) => sameName(s.name, key));
  }

  private context() {
    const book = this;
    const sheetItems: { name: string; id: string; visibility: string }[] = [];
    const tableItems: { name: string; worksheet: { name: string } }[] = [];
    let sheetsLoaded = false;
    let tablesLoaded = false;
    const worksheets = {
      load() {
        book.pending.push(() => {
          sheetItems.splice(
            0,
            sheetItems.length,
            ...book.sheets.map((s) => ({ name: s.name, id: s.id, visibility: s.visibility }))
          );
          sheetsLoaded = true;
          return JSON.stringify(sheetItems).length;
        });
      },
      get items() {
        if (!sheetsLoaded) throw new Error("PropertyNotLoaded: worksheets.items");
        return sheetItems;
      },
      getItemOrNullObject(name: string) {
        const sheet = book.find(name);
        return sheet
          ? sheetProxy(sheet)
          : { ...NULL_OBJECT, getUsedRangeOrNullObject: () => NULL_OBJECT };
      },
      getItem(name: string) {
        const sheet = book.find(name);
        if (sheet) return sheetProxy(sheet);
        // As in Office.js, the failure surfaces at the next sync; meanwhile the proxy accepts anything.
        book.failure = Object.assign(new Error(`ItemNotFound: ${name}`), { code: "ItemNotFound" });
        return ghost();
      },
      add(name?: string) {
        // A request stops at its first failing action: nothing queued after it happens.
        if (book.failure) return ghost();
        book.added += 1;
        let fresh = name ?? `Sheet${book.added}`;
        while (!name && book.find(fresh)) fresh = `Sheet${++book.added}`;
        if (book.find(fresh)) throw new Error(`ItemAlreadyExists: ${fresh}`);
        return sheetProxy(book.addSheet(fresh));
      },
    };
    const tables = {
      load() {
        book.pending.push(() => {
          tableItems.splice(
            0,
            tableItems.length,
            ...book.sheets.flatMap((s) =>
              s.tables.map((t) => ({ name: t.name, worksheet: { name: s.name } }))
            )
          );
          tablesLoaded = true;
          return JSON.stringify(tableItems).length;
        });
      },
      get items() {
        if (!tablesLoaded) throw new Error("PropertyNotLoaded: tables.items");
        return tableItems;
      },
    };
    return {
      workbook: { worksheets, tables },
      sync: async () => {
        const stats = book.stats;
        stats.syncs += 1;
        if (book.failAt?.sync === stats.syncs) book.failure = book.failAt.error;
        const failure = book.failure;
        if (failure) {
          book.failure = undefined;
          book.pending = [];
          book.mocks = [];
          throw failure;
        }
        book.sent();
        let response = 0;
        for (const load of book.pending.splice(0)) response += load();
        for (const mock of book.mocks.splice(0)) response += await mock();
        stats.largestResponse = Math.max(stats.largestResponse, response);
        stats.responseBytes += response;
      },
    };
  }

  /** Installs this workbook as the global Excel (Excel.run gives a fresh request context). */
  install(): void {
    (globalThis as unknown as { Excel: unknown }).Excel = {
      run: async <T>(batch: (context: unknown) => Promise<T>) => {
        const result = await batch(this.context());
        this.sent();
        return result;
      },
    };
  }
}

export function emptyStats(): SyncStats {
  return { syncs: 0, largestRequest: 0, largestResponse: 0, requestBytes: 0, responseBytes: 0 };
}

/** Office.context.requirements as office-addin-mock gives it: supports ExcelApi up to `version`. */
export function requirementsUpTo(version: string) {
  const mock = new OfficeMockObject({
    isSetSupported: (name: string, min?: string) =>
      name === "ExcelApi" && minor(min ?? "1.1") <= minor(version),
  });
  return mock as unknown as { isSetSupported(name: string, min?: string): boolean };
}

function minor(version: string): number {
  return Number(version.split(".")[1] ?? 0);
}
