// A communes table of a country's size with district rows and subtotal rows: each such row is checked against the
// communes it covers, found by row and by district through lookups, not by a scan of every commune per row (11,200
// communes with district and subtotal rows took 1.3 s, and the time grew with the square of the rows).

import { CATALOGUE_2021_2025 } from "../../../src/engine/catalogues";
import { gridFromRows, type CellValue } from "../../../src/workbook/grid";
import { readCommunes } from "../../../src/workbook/readers/communes";
import { startCpuClock } from "../../support/cpu-clock";

const PER_DISTRICT = 14;
const N19 = Array.from({ length: 19 }, (_, i) => i + 1);

/**
 * STT | Tên xã | Huyện | TC1 … TC19 | Số tiêu chí đạt: "Huyện Thử N" above its communes with the district's counts
 * per criterion and its sum, the communes (commune i meets criteria 1 to 10 + i mod 10), then "Cộng huyện Thử N"
 * with the same figures (one more in the sum for district `wrong`).
 */
function sheet(communes: number, wrong?: number, column = (d: string) => d): CellValue[][] {
  const rows: CellValue[][] = [
    ["TT", "Tên xã", "Huyện", ...N19.map((n) => `TC${n}`), "Số tiêu chí đạt"],
  ];
  for (let d = 0; d * PER_DISTRICT < communes; d++) {
    const district = `Thử ${d + 1}`;
    const own: CellValue[][] = [];
    const meeting = N19.map(() => 0);
    let sum = 0;
    for (let i = d * PER_DISTRICT; i < Math.min(communes, (d + 1) * PER_DISTRICT); i++) {
      const count = 10 + (i % 10);
      sum += count;
      N19.forEach((n, k) => {
        if (n <= count) meeting[k]++;
      });
      own.push([
        i + 1,
        `Xã Thử ${i + 1}`,
        column(district),
        ...N19.map((n) => (n <= count ? "x" : null)),
        count,
      ]);
    }
    rows.push([null, `Huyện ${district}`, null, ...meeting, sum]);
    rows.push(...own);
    rows.push([null, `Cộng huyện ${district}`, null, ...meeting, d === wrong ? sum + 1 : sum]);
  }
  return rows;
}

const subtotalChecks = (read: ReturnType<typeof readCommunes>) =>
  read.reading.checks.filter((c) => c.kind === "subtotal");

describe("district and subtotal rows at a country's size", () => {
  it("50,000 communes in 3,572 districts: each district row and subtotal checked against its own communes, in seconds", () => {
    const districts = Math.ceil(50_000 / PER_DISTRICT);
    const clock = startCpuClock();
    const read = readCommunes(gridFromRows("Xa", sheet(50_000)), {
      catalogue: CATALOGUE_2021_2025,
    });
    // The scan took about 30 s here, growing with the square of the rows.
    expect(clock.ms()).toBeLessThan(15_000);
    expect(read.communes).toHaveLength(50_000);
    expect(read.warnings).toEqual([]);
    expect(subtotalChecks(read)).toHaveLength(2 * districts);
    expect(subtotalChecks(read).every((c) => c.ok)).toBe(true);
    expect(read.communes[49_999].district).toBe(`Thử ${districts}`);
  });

  it.each([
    ["Thử 21", (d: string) => d],
    ["Huyện Thử 21", (d: string) => `Huyện ${d}`],
  ])(
    "a subtotal one off (district column '%s'): the warning names its cell, the other rows agree",
    (_, column) => {
      const read = readCommunes(gridFromRows("Xa", sheet(700, 20, column)), {
        catalogue: CATALOGUE_2021_2025,
      });
      // District 21's subtotal: the header, 20 districts of 16 rows, then its district row and 14 communes.
      const row = 1 + 20 * (PER_DISTRICT + 2) + 1 + PER_DISTRICT + 1;
      expect(read.warnings.map((w) => w.cell)).toEqual([`W${row}`]);
      expect(
        subtotalChecks(read)
          .filter((c) => !c.ok)
          .map((c) => c.cell)
      ).toEqual([`W${row}`]);
      expect(subtotalChecks(read).filter((c) => c.ok)).toHaveLength(99);
    }
  );
});
