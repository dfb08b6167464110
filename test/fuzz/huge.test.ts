// Results of any height: 125,000 to 135,000 rows with control characters and over-long texts in them, through the
// memory adapter, the ExcelJS writing path (past about 125,000 rows a spread into Math.max overflowed the stack) and
// the streamed writer of the CLI's --out files. The first runs are always 130,000 rows through the streamed writer and
// through ExcelJS, then FUZZ_HUGE_RUNS (1) generated ones. The streamed file is written to the test's temp folder, so
// the strict check of written files (openpyxl, LibreOffice) opens a 130,000-row result too.

import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { strFromU8, unzipSync } from "fflate";
import { ExcelJsWorkbook } from "../../src/workbook/adapters/exceljs";
import { MemoryWorkbook } from "../../src/workbook/adapters/memory";
import { resultWorkbook } from "../../src/workbook/adapters/xlsx-write";
import type { OutputSheet } from "../../src/workbook/output";
import { EXCEL_CELL_LIMIT, hasNonXml } from "../../src/workbook/xml-text";
import { strictProblems } from "../support/strict-files";
import { controlText, longText } from "./generators";

const RUNS = Number(process.env.FUZZ_HUGE_RUNS ?? 1);
jest.setTimeout(600_000);

const hugeArb = fc.record({
  rows: fc.integer({ min: 125_000, max: 135_000 }),
  adapter: fc.constantFrom("memory" as const, "exceljs" as const, "stream" as const),
  odd: fc.array(fc.oneof(controlText, longText), { minLength: 1, maxLength: 4 }),
  header: controlText,
});

function hugeSheet(rows: number, odd: string[], header: string): OutputSheet {
  return {
    sheet: "KQ_Lon",
    tables: [
      {
        name: "NTM_Lon",
        title: odd[0],
        columns: [
          { header: "Tên xã" },
          { header, format: "#,##0" },
          { header: "Ghi chú" },
          { header: "GHI CHÚ" },
        ],
        rows: Array.from({ length: rows }, (_, i) => [
          i % 1000 === 7 ? odd[i % odd.length] : `Xã ${i + 1}`,
          i % 20,
          i === rows - 1 ? odd[odd.length - 1] : null,
          i,
        ]),
      },
    ],
  };
}

describe("results of 125,000 to 135,000 rows", () => {
  it("are written whole, every row kept, the file well-formed with no cell over 32,767 characters", async () => {
    let saved = false;
    await fc.assert(
      fc.asyncProperty(hugeArb, async ({ rows, adapter, odd, header }) => {
        const sheet = hugeSheet(rows, odd, header);
        if (adapter === "memory") {
          const book = new MemoryWorkbook();
          const [name] = await book.writeResults([sheet]);
          const grid = await book.readSheet(name);
          // Title, header row and every row.
          expect(grid.rows.filter((r) => r.some((v) => v !== null && v !== "")).length).toBe(
            rows + (sheet.tables[0].title ? 2 : 1)
          );
          expect(grid.rows[grid.rows.length - 1][3]).toBe(rows - 1);
          return;
        }
        const save = async (bytes: Uint8Array) => {
          if (saved) return;
          saved = true;
          const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ntm-huge-"));
          await fs.writeFile(path.join(dir, `kq-${rows}.xlsx`), bytes);
        };
        if (adapter === "stream") {
          const { bytes } = resultWorkbook([sheet]);
          expect(strictProblems(bytes)).toEqual([]);
          const xml = strFromU8(unzipSync(bytes)["xl/worksheets/sheet1.xml"]);
          // Title, header row and every row, the last one whole.
          const last = rows + (sheet.tables[0].title ? 2 : 1);
          const lastRow = xml.slice(xml.lastIndexOf("<row "), xml.indexOf("</sheetData>"));
          expect(lastRow.startsWith(`<row r="${last}">`)).toBe(true);
          expect(lastRow).toContain(`<c r="D${last}" s="2"><v>${rows - 1}</v></c>`);
          await save(bytes);
          return;
        }
        const book = ExcelJsWorkbook.empty();
        const [name] = await book.writeResults([sheet]);
        const ws = book.workbook.getWorksheet(name)!;
        const lastCells = [1, 2, 3, 4].map((c) => ws.getCell(ws.rowCount, c).value);
        expect(lastCells[3]).toBe(rows - 1);
        expect(ws.getTables()).toHaveLength(1);
        for (const value of lastCells)
          if (typeof value === "string") {
            expect(value.length).toBeLessThanOrEqual(EXCEL_CELL_LIMIT);
            expect(hasNonXml(value)).toBe(false);
          }
        const bytes = await book.toXlsx();
        expect(strictProblems(bytes)).toEqual([]);
      }),
      {
        numRuns: RUNS,
        examples: [
          [{ rows: 130_000, adapter: "stream", odd: ["Xã\u000BAn\uFFFE"], header: "Số\u0001" }],
          [{ rows: 130_000, adapter: "exceljs", odd: ["Xã\u000BAn\uFFFE"], header: "Số\u0001" }],
        ],
      }
    );
  });
});
