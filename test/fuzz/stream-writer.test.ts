// The two .xlsx writers cannot drift: for generated result sheets (side by side or stacked, titles or none, headers
// repeating ignoring case, every number format, control characters, texts over Excel's limit, formula-looking text,
// empty tables), the streamed writer (the CLI's --out) and the ExcelJS adapter (the browser app) write files that read
// back the same: cells with their formats, tables, widths, frozen header, page setup, bookkeeping. Every streamed
// file passes the strict reader's checks, and a re-run onto it replaces its sheets without taking them for edited.

import fc from "fast-check";
import { ExcelJsWorkbook } from "../../src/workbook/adapters/exceljs";
import { addResultsToWorkbook } from "../../src/workbook/adapters/xlsx-graft";
import { resultWorkbook } from "../../src/workbook/adapters/xlsx-write";
import type { CellValue } from "../../src/workbook/grid";
import { FORMATS, type OutputSheet, type OutputTable } from "../../src/workbook/output";
import { strictProblems } from "../support/strict-files";
import { contents, load } from "../workbook/adapters/xlsx-contents";
import { controlText, longText } from "./generators";

const RUNS = Number(process.env.FUZZ_JEST_RUNS ?? 25);
jest.setTimeout(300_000);

const word = fc.constantFrom(
  "Xã",
  "xã",
  "XÃ",
  "Tên xã",
  "Huyện",
  "Số tiêu chí",
  "Vốn (triệu đồng)",
  "TT"
);

/** A header: a nameless column is a programming error both writers refuse (writer.test.ts), so each has a letter. */
const header = fc.oneof(
  word,
  controlText.filter((t) => /[A-Za-z0-9]/.test(t))
);

const value: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -1_000_000, max: 10_000_000 }) },
  {
    weight: 2,
    arbitrary: fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }),
  },
  { weight: 3, arbitrary: word },
  { weight: 1, arbitrary: controlText },
  {
    weight: 1,
    arbitrary: fc.constantFrom("=SUM(A1:A3)", "+84 123", "01", "2.1", "a\r\nb", "x & <y>"),
  },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.boolean() }
);

const format = fc.option(fc.constantFrom(...Object.values(FORMATS), "#,##0.0", "0.0%"), {
  nil: undefined,
});

const table: fc.Arbitrary<OutputTable> = fc
  .record({
    name: fc.constantFrom("NTM_TongHop", "NTM_ChiTieu", "NTM KQ"),
    title: fc.option(fc.oneof(word, controlText), { nil: undefined }),
    columns: fc.array(fc.record({ header, format }), {
      minLength: 1,
      maxLength: 5,
    }),
    height: fc.integer({ min: 0, max: 14 }),
    long: fc.option(longText, { freq: 8, nil: undefined }),
  })
  .chain(({ name, title, columns, height, long }) =>
    fc
      .array(fc.array(value, { minLength: columns.length, maxLength: columns.length }), {
        minLength: height,
        maxLength: height,
      })
      .map((rows) => {
        if (long && rows.length > 0) rows[0][0] = long;
        return {
          name,
          ...(title === undefined ? {} : { title }),
          columns: columns.map((c) => (c.format ? c : { header: c.header })),
          rows,
        };
      })
  );

const sheets: fc.Arbitrary<OutputSheet[]> = fc.array(
  fc.record({
    sheet: fc.constantFrom("KQ_TongHop", "KQ_ChiTieu", "kq_tonghop", "Mau_Xa"),
    stacked: fc.boolean(),
    tables: fc.array(table, { minLength: 1, maxLength: 3 }),
  }),
  { minLength: 1, maxLength: 3 }
);

describe("the streamed writer and the ExcelJS adapter", () => {
  it("write the same workbook for any result sheets, and the streamed one passes the strict checks", async () => {
    await fc.assert(
      fc.asyncProperty(sheets, async (given) => {
        const streamed = resultWorkbook(given);
        expect(strictProblems(streamed.bytes)).toEqual([]);
        const book = ExcelJsWorkbook.empty();
        const names = await book.writeResults(given);
        expect(streamed.names).toEqual(names);
        expect(contents(await load(streamed.bytes))).toEqual(
          contents(await load(await book.toXlsx()))
        );
        const again = await addResultsToWorkbook(streamed.bytes, given);
        expect(again.notes).toEqual([]);
        expect(strictProblems(again.bytes)).toEqual([]);
      }),
      { numRuns: RUNS }
    );
  });
});
