// A 2026-2030 province workbook at any size, for the indicator summary rows of the bench: the sample's indicator
// policy sheet (47 indicators, thresholds per commune group) and a status sheet of raw indicator values per commune
// with Mã xã, Nhóm xã and Trạng thái, laid out as assets/ntm-sample-2026.xlsx lays them out. Seeded, so the same
// size gives the same workbook; written with ExcelJS's streaming writer (40,000 communes × 53 columns stay cheap).

import type { CellValue } from "../src/workbook/grid";
import { policyRow, sampleIndicators } from "../scripts/build-sample-2026";
import { Prng } from "./prng";
import { writeSheetsBook } from "./report-workbook";

export interface IndicatorBook {
  communes: number;
  /** Communes meeting every indicator of their group (so every criterion: the 2026-2030 standard). */
  complete: number;
  /** Communes meeting each indicator code (one not applicable to a commune's group is met). */
  met: Map<string, number>;
}

const GROUP_HEADER = ["Mã chỉ tiêu", "Tiêu chí", "Tên chỉ tiêu", "Nhóm 1", "Nhóm 2", "Nhóm 3"];

/** The policy sheet's rows: a title, the header, one row per indicator (as the sample's). */
export function indicatorPolicyRows(): CellValue[][] {
  const rows: CellValue[][] = [
    ["Chỉ tiêu theo nhóm xã (bench) / Indicator requirements per commune group (bench)"],
    [...GROUP_HEADER, "Đơn vị", "So sánh"],
  ];
  for (const ind of sampleIndicators()) rows.push(policyRow(ind));
  return rows;
}

/**
 * The status sheet's rows for `communes` communes: about 40% meet every indicator, the others miss each with a
 * probability of 7% (12% in group 3); values are decimals near the threshold, so they are formatted and compared
 * as a real sheet's are. Returns the rows and what the generator knows (standard communes, met per indicator).
 */
export function indicatorStatusRows(
  communes: number,
  seed = "indicator-summary"
): { rows: CellValue[][]; book: IndicatorBook } {
  const rng = new Prng(`${seed}-${communes}`);
  const indicators = sampleIndicators();
  const rows: CellValue[][] = [
    [`Tình hình đạt chỉ tiêu của các xã (bench), cuối năm 2026`],
    ["TT", "Tên xã", "Mã xã", "Nhóm xã", "Trạng thái", ...indicators.map((i) => i.code)],
  ];
  const met = new Map(indicators.map((i) => [i.code, 0]));
  let complete = 0;
  for (let n = 0; n < communes; n++) {
    const group = 1 + (n % 3);
    const all = rng.next() < 0.4;
    const missRate = all ? 0 : group === 3 ? 0.12 : 0.07;
    let missed = 0;
    const values = indicators.map((ind) => {
      const req = ind.requirements[group - 1];
      const miss = rng.next() < missRate;
      // Not applicable to the group: met whatever is written.
      if (req === null) {
        met.set(ind.code, met.get(ind.code)! + 1);
        return rng.next() < 0.5 ? "Chưa đạt" : null;
      }
      if (miss) missed += 1;
      else met.set(ind.code, met.get(ind.code)! + 1);
      if (req === "Đạt") return miss ? "Chưa đạt" : "Đạt";
      const delta = Math.round((rng.next() * 4 + 0.5) * 10) / 10;
      if (ind.comparison === "≤") return miss ? req + delta : Math.max(0, req - delta / 5);
      return miss ? Math.round((req - delta - 1) * 10) / 10 : Math.min(100, req + delta / 5);
    });
    if (missed === 0) complete += 1;
    rows.push([
      n + 1,
      `Xã Thử ${n + 1}`,
      String(100000 + n),
      group,
      missed === 0 ? "đạt chuẩn" : "chưa đạt",
      ...values,
    ]);
  }
  return { rows, book: { communes, complete, met } };
}

/** Writes the policy sheet and the status sheet of `communes` communes to `file`. */
export async function writeIndicatorBook(file: string, communes: number): Promise<IndicatorBook> {
  const { rows, book } = indicatorStatusRows(communes);
  await writeSheetsBook(file, [
    ["Chỉ tiêu theo nhóm xã", indicatorPolicyRows()],
    ["Xã", rows],
  ]);
  return book;
}
