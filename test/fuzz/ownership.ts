// Ownership scenarios: a user renames, deletes and adds sheets (some with the add-in's names), inserts templates
// and runs jobs again, in any order. After every step each sheet the user made, filled in or renamed must still be
// there under its name with exactly its cells: the add-in writes only to the sheets it made and still owns.

import fc from "fast-check";
import { ExcelJsWorkbook } from "../../src/workbook/adapters/exceljs";
import { MemoryWorkbook } from "../../src/workbook/adapters/memory";
import type { CellValue } from "../../src/workbook/grid";
import type { OutputSheet } from "../../src/workbook/output";
import type { WorkbookPort } from "../../src/workbook/port";
import { templateSheet } from "../../src/workbook/templates";
import type { Verdict } from "./harness";

/** What a test can do to a workbook as its user would, beside the add-in's port. */
export interface OwnershipBook {
  port: WorkbookPort;
  /** Every sheet's name, including hidden ones, the add-in's bookkeeping sheet excepted. */
  names(): Promise<string[]>;
  /** Every sheet's name, hidden ones included: a name Excel would refuse for a new or renamed sheet. */
  taken(): string[];
  add(name: string, rows: CellValue[][]): void;
  rename(from: string, to: string): void;
  remove(name: string): boolean;
  /** The user types a value into a cell of a sheet. */
  type(name: string, row: number, col: number, value: CellValue): void;
  /** Saving and opening the file again (no-op where there is no file). */
  reopen(): Promise<void>;
}

export function memoryBook(): OwnershipBook {
  const book = new MemoryWorkbook();
  return {
    port: book,
    names: () => book.sheetNames(),
    taken: () => Object.keys(book.snapshot()),
    add: (name, rows) => book.setSheet(name, rows),
    rename: (from, to) => book.renameSheet(from, to),
    remove: (name) => (book.deleteSheet(name), true),
    type: (name, row, col, value) => {
      const rows = book.snapshot()[name];
      while (rows.length <= row) rows.push([]);
      rows[row][col] = value;
      book.setSheet(name, rows);
    },
    reopen: async () => undefined,
  };
}

export function exceljsBook(): OwnershipBook {
  let book = ExcelJsWorkbook.empty();
  const sheet = (name: string) => book.workbook.getWorksheet(name)!;
  return {
    get port() {
      return book;
    },
    names: () => book.sheetNames(),
    taken: () => book.workbook.worksheets.map((w) => w.name),
    add: (name, rows) => {
      const ws = book.workbook.addWorksheet(name);
      for (const row of rows) ws.addRow(row as never[]);
    },
    rename: (from, to) => {
      sheet(from).name = to;
    },
    remove: (name) => (book.workbook.removeWorksheet(sheet(name).id), true),
    type: (name, row, col, value) => {
      sheet(name).getCell(row + 1, col + 1).value = value as never;
    },
    reopen: async () => {
      book = await ExcelJsWorkbook.fromXlsx(await book.toXlsx());
    },
  };
}

export type OwnershipStep =
  | { kind: "run"; sheets: string[] }
  | { kind: "template"; id: "communes" | "costs" }
  | { kind: "add"; name: string }
  | { kind: "rename"; pick: number; to: string }
  | { kind: "delete"; pick: number }
  | { kind: "type"; pick: number; value: string }
  /** The user types into one of the add-in's result sheets: the next run keeps it as "… (sửa tay)". */
  | { kind: "edit"; pick: number; value: string }
  | { kind: "reopen" };

/** Names a careless user would pick: the add-in's result, template and bookkeeping names, in any case. */
const NAMES = [
  "KQ_TongHop",
  "kq_tonghop",
  "KQ_MucTieu",
  "KQ_TongHop (2)",
  "Mau_Xa",
  "Mau_Xa (2)",
  "Mau_ChiPhi",
  "_NTM_META",
  "_NTM_META (2)",
  "Ghi chú",
  "Sheet1",
];

export const ownershipStepArb: fc.Arbitrary<OwnershipStep> = fc.oneof(
  fc.record({
    kind: fc.constant("run" as const),
    sheets: fc.subarray(["KQ_TongHop", "KQ_MucTieu"], { minLength: 1 }),
  }),
  fc.record({
    kind: fc.constant("template" as const),
    id: fc.constantFrom("communes" as const, "costs" as const),
  }),
  fc.record({ kind: fc.constant("add" as const), name: fc.constantFrom(...NAMES) }),
  fc.record({
    kind: fc.constant("rename" as const),
    pick: fc.nat(20),
    to: fc.constantFrom(...NAMES),
  }),
  fc.record({ kind: fc.constant("delete" as const), pick: fc.nat(20) }),
  fc.record({
    kind: fc.constant("type" as const),
    pick: fc.nat(20),
    value: fc.constantFrom("của tôi", "=SUM(1)", "42"),
  }),
  fc.record({
    kind: fc.constant("edit" as const),
    pick: fc.nat(20),
    value: fc.constantFrom("ghi chú của tôi", "81", "=SUM(1)"),
  }),
  fc.constant({ kind: "reopen" as const })
);

export const ownershipCaseArb = fc.record({
  adapter: fc.constantFrom("memory" as const, "exceljs" as const),
  steps: fc.array(ownershipStepArb, { minLength: 2, maxLength: 14 }),
});

export type OwnershipCase = { steps: OwnershipStep[] };

function resultSheet(name: string, run: number): OutputSheet {
  return {
    sheet: name,
    tables: [
      {
        name: `NTM_${name}`,
        title: `Kết quả lần ${run} / Run ${run}`,
        columns: [{ header: "Tên xã" }, { header: "Lần chạy / Run" }],
        rows: [
          ["An Mỹ", run],
          ["=cmd", run],
        ],
      },
    ],
  };
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

async function cellsOf(book: OwnershipBook, name: string): Promise<string> {
  const grid = await book.port.readSheet(name);
  const rows = grid.rows.map((r) => r.map((v) => (v === undefined ? null : v)));
  while (rows.length > 0 && rows[rows.length - 1].every((v) => v === null)) rows.pop();
  return JSON.stringify(rows.map((r) => (r.every((v) => v === null) ? [] : r)));
}

/**
 * Runs the steps on a workbook and returns the user's cells that changed or vanished (empty: the promise held).
 * The user's sheets are tracked by the test itself: whatever the user added, filled in (a template) or renamed.
 */
export async function runOwnershipCase(
  book: OwnershipBook,
  c: OwnershipCase
): Promise<{ changed: string[]; problems: string[] }> {
  const user = new Map<string, string>(); // name → cells as text
  // Result sheets the add-in still has a record of: present name → the name it gave them. Renamed back to that name
  // before any run, a sheet is the add-in's again (identity and name both match, as the issue defines ownership).
  const given = new Map<string, string>();
  const changed: string[] = [];
  const problems: string[] = [];
  // Result sheets of the add-in that the user typed into since they were written: name → cells as text.
  const edited = new Map<string, string>();
  const remember = async (name: string) => user.set(name, await cellsOf(book, name));
  let runs = 0;
  for (const step of c.steps) {
    const names = await book.names();
    const pick = (n: number) => (names.length > 0 ? names[n % names.length] : undefined);
    switch (step.kind) {
      case "run": {
        runs += 1;
        const notes: string[] = [];
        const written = await book.port.writeResults(
          step.sheets.map((s) => resultSheet(s, runs)),
          { onNote: (note) => notes.push(note.vi) }
        );
        // A result sheet the user edited and the run wrote again: their cells live on under a new name, and they
        // are told of it. It is the user's from now on.
        const after = await book.names();
        for (const [name, cells] of [...edited]) {
          if (!written.some((w) => w === name)) continue;
          edited.delete(name);
          user.delete(name);
          const kept = after.filter((n) => !names.includes(n) && n.includes("(sửa tay"));
          let found: string | undefined;
          for (const candidate of kept)
            if ((await cellsOf(book, candidate)) === cells) found = candidate;
          if (found === undefined) {
            changed.push(`${name}!* (the user's edit to a result sheet lost by a run)`);
            continue;
          }
          if (!notes.some((n) => n.includes(`'${found}'`)))
            problems.push(`no note that '${name}' was kept as '${found}'`);
          user.set(found, cells);
        }
        // A run forgets the sheets renamed since (their records no longer match) and records what it wrote.
        for (const [now, name] of [...given]) if (now !== name) given.delete(now);
        for (const name of written) given.set(name, name);
        break;
      }
      case "edit": {
        // One of the add-in's result sheets, still under the name it gave it.
        const ours = [...given].filter(([now, name]) => now === name).map(([now]) => now);
        const name = ours[step.pick % Math.max(ours.length, 1)];
        if (!name || !names.includes(name)) break;
        book.type(name, 5, 1, step.value);
        const cells = await cellsOf(book, name);
        edited.set(name, cells);
        // Until a run writes it again, it must stay as the user left it, like any sheet of theirs.
        user.set(name, cells);
        break;
      }
      case "template": {
        const [name] = await book.port.writeResults([templateSheet(step.id)], { owned: false });
        if (names.some((n) => same(n, name))) problems.push(`template written over '${name}'`);
        await remember(name); // the user fills it in: it is theirs from now on
        break;
      }
      case "add": {
        if (book.taken().some((n) => same(n, step.name))) break;
        book.add(step.name, [
          ["ghi chú của tôi / my note", step.name],
          [null, 7],
        ]);
        await remember(step.name);
        break;
      }
      case "rename": {
        const from = pick(step.pick);
        if (!from || book.taken().some((n) => same(n, step.to))) break;
        book.rename(from, step.to);
        const cells = user.get(from);
        user.delete(from);
        edited.delete(from);
        const gave = given.get(from);
        given.delete(from);
        if (gave !== undefined) given.set(step.to, gave);
        if (gave !== undefined && same(gave, step.to)) break; // back under the add-in's name: its own again
        // A renamed result sheet is the user's now, as is any sheet they renamed.
        user.set(step.to, cells ?? (await cellsOf(book, step.to)));
        break;
      }
      case "delete": {
        const name = pick(step.pick);
        if (name && book.remove(name)) {
          user.delete(name);
          edited.delete(name);
          given.delete(name);
        }
        break;
      }
      case "type": {
        const name = [...user.keys()][step.pick % Math.max(user.size, 1)];
        if (!name) break;
        book.type(name, 3, 1, step.value);
        await remember(name);
        if (edited.has(name)) edited.set(name, user.get(name)!);
        break;
      }
      case "reopen":
        await book.reopen();
        break;
    }
    const now = await book.names();
    for (const [name, cells] of user) {
      if (!now.some((n) => n === name)) changed.push(`${name}!* (sheet gone after ${step.kind})`);
      else if ((await cellsOf(book, name)) !== cells)
        changed.push(`${name}!* (cells changed after ${step.kind})`);
    }
    if (changed.length > 0) break;
  }
  return { changed, problems };
}

/** One fuzz case: a scenario on a fresh workbook of the given adapter. */
export async function judgeOwnership(
  c: OwnershipCase & { adapter: "memory" | "exceljs" }
): Promise<Verdict> {
  const verdict: Verdict = {
    target: `ownership (${c.adapter})`,
    outcome: "ok",
    changed: [],
    problems: [],
  };
  try {
    const book = c.adapter === "memory" ? memoryBook() : exceljsBook();
    const { changed, problems } = await runOwnershipCase(book, c);
    verdict.changed = changed;
    verdict.problems = problems;
  } catch (e) {
    verdict.outcome = "crash";
    verdict.error = e;
  }
  return verdict;
}

/**
 * Scenarios where the user certainly types into a result sheet of the add-in's and runs again (in between, any
 * other steps): their edit must survive under "… (sửa tay)", with a note.
 */
export const editedResultCaseArb = fc
  .record({
    adapter: fc.constantFrom("memory" as const, "exceljs" as const),
    between: fc.array(ownershipStepArb, { maxLength: 6 }),
    value: fc.constantFrom("ghi chú của tôi", "81", "=SUM(1)"),
    reopen: fc.boolean(),
  })
  .map(({ adapter, between, value, reopen }) => ({
    adapter,
    steps: [
      { kind: "run" as const, sheets: ["KQ_TongHop", "KQ_MucTieu"] },
      ...between,
      { kind: "run" as const, sheets: ["KQ_TongHop"] },
      ...(reopen ? [{ kind: "reopen" as const }] : []),
      { kind: "edit" as const, pick: 0, value },
      ...(reopen ? [{ kind: "reopen" as const }] : []),
      { kind: "run" as const, sheets: ["KQ_TongHop", "KQ_MucTieu"] },
      { kind: "run" as const, sheets: ["KQ_TongHop"] },
    ],
  }));
