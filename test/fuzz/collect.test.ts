// Collect over random mixes of good commune reports (the collect corpus), hostile and broken files, random bytes and
// good files cut short: it never crashes, names every bad file with a reason, and every good file's communes are in
// the table.

import { promises as fs } from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { readPolicy } from "../../src/cli/commands/collect";
import { openWorkbook } from "../../src/cli/io";
import type { Catalogue } from "../../src/engine/types";
import { collectReports } from "../../src/workbook/collect/collect";
import { removeTemp, tempDir } from "./harness";
import { notOurFile } from "../support/strict-files";

const RUNS = Number(process.env.FUZZ_JEST_RUNS ?? 25);
const CORPUS = path.join(__dirname, "..", "fixtures", "collect");
const REPORTS = path.join(CORPUS, "reports");

/** The corpus files every mix may hold with the communes each must bring into the table (from the manifest). */
const GOOD: Record<string, string[]> = {
  "01-tan-hoa.xlsx": ["Xã Tân Hòa"],
  "02-long-duc-en.xlsx": ["Xã Long Đức"],
  "03-my-phuoc-tay.xlsx": ["Xã Mỹ Phước"],
  "04-an-thanh-cot-c.xlsx": ["Xã An Thạnh"],
  "05-phu-loc-mot-dong.xlsx": ["Xã Phú Lộc"],
  "06-huyen-cu.xlsx": ["Xã Tân Hòa", "Xã Hưng Lợi", "Xã Đại Hải"],
};
/** Readable, but collected or not depending on the mix (a conflict, another year or period than the majority). */
const DEPENDS = [
  "07-ke-thanh.xlsx",
  "08-ke-thanh-sua.xlsx",
  "09-thanh-tri-2024.xlsx",
  "10-lam-tan-giai-doan-cu.xlsx",
];
/** Refused, each alone. */
const HOSTILE = [
  "11-khong-ten.xlsx",
  "12-gia-tri-sai.xlsx",
  "13-khong-phai-excel.xlsx",
  "14-bi-cat.xlsx",
  "15-zip-bomb.xlsx",
  "15-entity-expansion.xlsx",
];

type Entry =
  | { kind: "good" | "depends" | "hostile"; name: string }
  | { kind: "bytes"; bytes: Uint8Array; ext: string }
  | { kind: "cut"; name: string; fraction: number };

const entryArb: fc.Arbitrary<Entry> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .constantFrom(...Object.keys(GOOD))
      .map((name) => ({ kind: "good" as const, name })),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(...DEPENDS).map((name) => ({ kind: "depends" as const, name })),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(...HOSTILE).map((name) => ({ kind: "hostile" as const, name })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({
        head: fc.constantFrom(
          [],
          [0x50, 0x4b, 0x03, 0x04],
          [0xd0, 0xcf, 0x11, 0xe0],
          [0xef, 0xbb, 0xbf]
        ),
        body: fc.uint8Array({ maxLength: 2000 }),
        ext: fc.constantFrom(".xlsx", ".xlsm", ".xls"),
      })
      .map(({ head, body, ext }) => ({
        kind: "bytes" as const,
        bytes: Uint8Array.from([...head, ...body]),
        ext,
      })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({
        name: fc.constantFrom(...Object.keys(GOOD)),
        fraction: fc.double({ min: 0, max: 0.95, noNaN: true }),
      })
      .map(({ name, fraction }) => ({ kind: "cut" as const, name, fraction })),
  }
);

const key = (name: string) => name.normalize("NFC");

jest.setTimeout(300_000);

let policy: Catalogue;
beforeAll(async () => {
  policy = (await readPolicy(path.join(CORPUS, "inputs", "policy.xlsx"))).catalogue;
});
afterAll(() => removeTemp());

describe("collect on mixes of good and bad files", () => {
  it("never crashes, names each bad file, and brings every good file's communes into the table", async () => {
    // A corpus file at most once: twice the report of another year would make that year the majority's.
    const mix = fc.uniqueArray(entryArb, {
      minLength: 1,
      maxLength: 10,
      selector: (e) => ("name" in e && e.kind !== "cut" ? e.name : e),
    });
    await fc.assert(
      fc.asyncProperty(mix, async (entries) => {
        const dir = await tempDir();
        const files: { file: string; entry: Entry }[] = [];
        for (const [i, entry] of entries.entries()) {
          let file: string;
          if (entry.kind === "bytes") {
            file = path.join(dir, `${i}-bytes${entry.ext}`);
            await fs.writeFile(file, entry.bytes);
            notOurFile(file);
          } else if (entry.kind === "cut") {
            const data = await fs.readFile(path.join(REPORTS, entry.name));
            file = path.join(dir, `${i}-cut-${entry.name}`);
            await fs.writeFile(file, data.subarray(0, Math.floor(data.length * entry.fraction)));
            notOurFile(file);
          } else file = path.join(REPORTS, entry.name);
          files.push({ file, entry });
        }
        const progress: number[] = [];
        const c = await collectReports(
          files.map(({ file }) => ({ file, open: () => openWorkbook(file) })),
          { policy, onProgress: (done) => progress.push(done) }
        );
        expect(progress).toEqual(files.map((_, i) => i + 1));
        // One outcome per file, in order; every bad one unreadable, with a reason and a line of "Cần xử lý".
        expect(c.files.map((f) => f.file)).toEqual(files.map((f) => f.file));
        files.forEach(({ file, entry }, i) => {
          const outcome = c.files[i];
          if (entry.kind === "hostile" || entry.kind === "bytes" || entry.kind === "cut") {
            expect(outcome.outcome).toBe("unreadable");
            expect(outcome.reason?.vi.length).toBeGreaterThan(0);
            expect(c.problems.some((p) => p.kind === "unreadable" && p.file === file)).toBe(true);
          }
          if (entry.kind === "depends" && outcome.outcome !== "collected") {
            expect(c.problems.some((p) => p.file === file)).toBe(true);
          }
        });
        // Every good file's communes are in the table, from it or from a file that gave the same values.
        const inTable = new Map(c.communes.map((x) => [key(x.name), x]));
        for (const { file, entry } of files) {
          if (entry.kind !== "good") continue;
          expect(c.files.find((f) => f.file === file)?.outcome).toBe("collected");
          for (const name of GOOD[entry.name]) {
            const x = inTable.get(key(name));
            expect(x).toBeDefined();
            expect([x!.file, ...x!.alsoIn]).toContain(file);
          }
        }
      }),
      { numRuns: RUNS }
    );
  });
});
