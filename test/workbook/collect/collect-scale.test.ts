// Collecting status tables of a country's size: each report's commune is found in the table collected so far through
// the communes index (it was a scan of the table per commune: 10,000 communes took 282 s), with the same answers,
// including for a commune that gained its Mã xã from a later report.

import { MemoryWorkbook } from "../../../src/workbook/adapters/memory";
import { collectReports, type CollectSource } from "../../../src/workbook/collect/collect";
import type { CellValue } from "../../../src/workbook/grid";
import { startCpuClock } from "../../support/cpu-clock";

const HEAD: CellValue[][] = [
  ["Tình hình đạt tiêu chí nông thôn mới của các xã, đến cuối năm 2024"],
  [],
  ["TT", "Tên xã", "Mã xã", "Huyện", "Số tiêu chí đạt"],
];

const source = (file: string, rows: CellValue[][]): CollectSource => ({
  file,
  open: async () => new MemoryWorkbook({ Xã: [...HEAD, ...rows] }),
});

describe("collect at a country's size", () => {
  it("20,000 communes in 10 tables, one table sent twice: each collected once, each file's count right", async () => {
    const rows: CellValue[][] = Array.from({ length: 20_000 }, (_, i) => [
      i + 1,
      `Xã Thử ${i + 1}`,
      String(100_000 + i),
      `Huyện ${i % 150}`,
      10 + (i % 10),
    ]);
    const sources = Array.from({ length: 10 }, (_, f) =>
      source(`huyen-${f + 1}.xlsx`, rows.slice(f * 2000, (f + 1) * 2000))
    );
    sources.push(source("huyen-1-gui-lai.xlsx", rows.slice(0, 2000)));
    const clock = startCpuClock();
    const collection = await collectReports(sources);
    // The scan took minutes here; the index takes a few seconds.
    expect(clock.ms()).toBeLessThan(30_000);
    expect(collection.communes).toHaveLength(20_000);
    expect(collection.problems).toEqual([]);
    expect(collection.files.map((f) => f.communes)).toEqual(Array(11).fill(2000));
    expect(collection.communes[1999].alsoIn).toEqual(["huyen-1-gui-lai.xlsx"]);
    expect(collection.communes[2000].alsoIn).toEqual([]);
  });

  it("a commune that gained its code from a later report is found by that code: another code is another commune", async () => {
    const collection = await collectReports([
      source("a.xlsx", [[1, "Tân Hòa", null, "Long Phú", 19]]),
      source("b.xlsx", [[1, "Tân Hòa", "31561", "Long Phú", 19]]),
      source("c.xlsx", [[1, "Tân Hòa", "31999", "Long Phú", 17]]),
    ]);
    expect(collection.communes.map((c) => [c.name, c.code, c.file, c.alsoIn])).toEqual([
      ["Tân Hòa", "31561", "a.xlsx", ["b.xlsx"]],
      ["Tân Hòa", "31999", "c.xlsx", []],
    ]);
    expect(collection.problems).toEqual([]);
  });

  it("a commune whose reports disagree is left out, the others kept in order", async () => {
    const collection = await collectReports([
      source("a.xlsx", [
        [1, "Tân Hòa", "31561", "Long Phú", 19],
        [2, "An Lạc", "31562", "Long Phú", 15],
        [3, "Phú Mỹ", "31563", "Long Phú", 12],
      ]),
      source("b.xlsx", [[1, "An Lạc", "31562", "Long Phú", 16]]),
    ]);
    expect(collection.communes.map((c) => c.name)).toEqual(["Tân Hòa", "Phú Mỹ"]);
    expect(collection.problems.map((p) => [p.kind, p.commune])).toEqual([["conflict", "An Lạc"]]);
    expect(collection.files.map((f) => f.communes)).toEqual([2, 0]);
  });
});
