// Builds assets/ntm-sample.xlsx from the Sóc Trăng 2023 report tables in test/fixtures/examples/.
// The report lists the 10 communes not yet at the standard; the other 70 meet all 19 criteria and are not
// named in it, so they carry placeholder names ("Xã đạt chuẩn 01"…); 20 of them are marked advanced and 2 of
// those model, matching the report's end-2023 count of 70 / 20 / 2.

import { existsSync, promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { parseCsv } from "../src/workbook/adapters/exceljs";
import { writeSample2026 } from "./build-sample-2026";

/** The repository root, whether this runs from scripts/ (tests) or dist-scripts/scripts/ (npm run sample). */
function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, "package.json"))) dir = path.dirname(dir);
  return dir;
}

const ROOT = repoRoot();
const EXAMPLES = path.join(ROOT, "test", "fixtures", "examples");
export const SAMPLE_PATH = path.join(ROOT, "assets", "ntm-sample.xlsx");

const ALL_CRITERIA = Array.from({ length: 19 }, (_, i) => i + 1).join(",");

async function readCsv(name: string) {
  return parseCsv(await fs.readFile(path.join(EXAMPLES, name), "utf8"), name);
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { wrapText: true, vertical: "middle" };
}

export async function buildSample(): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  book.creator = "NTM Planner";

  const communes = await readCsv("soc-trang-2023-communes.csv");
  const sheet = book.addWorksheet("Xã");
  sheet.addRow([
    "Tình hình đạt tiêu chí nông thôn mới của các xã, tỉnh Sóc Trăng, đến cuối năm 2023",
  ]).font = {
    bold: true,
    size: 13,
  };
  sheet.mergeCells("A1:F1");
  styleHeader(
    sheet.addRow(["TT", "Tên xã", "Huyện", "Số tiêu chí đạt", "Tiêu chí đạt", "Trạng thái"])
  );
  for (const row of communes.slice(1)) {
    const [tt, name, district, count, list] = row;
    sheet.addRow([Number(tt), name, district, Number(count), list, "chưa đạt"]);
  }
  // End of 2023 the report counts 70 standard communes, of which 20 advanced, of which 2 model (BRIEF §8).
  for (let i = 1; i <= 70; i++) {
    const tier = i <= 2 ? "kiểu mẫu" : i <= 20 ? "nâng cao" : "đạt chuẩn";
    sheet.addRow([
      10 + i,
      `Xã đạt chuẩn ${String(i).padStart(2, "0")}`,
      null,
      19,
      ALL_CRITERIA,
      tier,
    ]);
  }
  sheet.columns.forEach((c, i) => (c.width = [5, 22, 12, 10, 48, 12][i]));
  sheet.views = [{ state: "frozen", ySplit: 2 }];

  const funding = await readCsv("soc-trang-2023-funding.csv");
  const money = book.addWorksheet("Nguồn vốn");
  money.addRow([
    "Kết quả huy động nguồn lực thực hiện Chương trình năm 2023 và kế hoạch năm 2024 (triệu đồng)",
  ]).font = {
    bold: true,
    size: 13,
  };
  money.mergeCells("A1:D1");
  styleHeader(money.addRow(funding[0]));
  for (const row of funding.slice(1)) {
    const added = money.addRow([row[0], row[1], Number(row[2]), Number(row[3])]);
    added.getCell(3).numFmt = "#,##0";
    added.getCell(4).numFmt = "#,##0";
    if (row[0] === null || /^[IVX]+$/.test(String(row[0]))) added.font = { bold: true };
  }
  money.columns.forEach((c, i) => (c.width = [6, 40, 18, 18][i]));

  // Period targets 2021-2025 and the 2024 plan's yearly additions ("phấn đấu có thêm ít nhất 05 xã đạt chuẩn,
  // 09 xã nâng cao, 01 xã kiểu mẫu"), from the same report.
  const targets = book.addWorksheet("Chỉ tiêu giai đoạn");
  targets.addRow(["Chỉ tiêu giai đoạn 2021-2025"]).font = { bold: true, size: 13 };
  styleHeader(targets.addRow(["Chỉ tiêu", "Mục tiêu", "Hiện trạng", "Tăng mỗi năm"]));
  targets.addRow(["Số xã đạt chuẩn nông thôn mới", 72, 70, 5]);
  targets.addRow(["Số xã đạt chuẩn nông thôn mới nâng cao", 24, 20, 9]);
  targets.addRow(["Số xã đạt chuẩn nông thôn mới kiểu mẫu", 8, 2, 1]);
  targets.columns.forEach((c, i) => (c.width = [42, 12, 12, 14][i]));

  return book;
}

async function main(): Promise<void> {
  const book = await buildSample();
  await fs.mkdir(path.dirname(SAMPLE_PATH), { recursive: true });
  await book.xlsx.writeFile(SAMPLE_PATH);
  process.stdout.write(`Wrote ${path.relative(process.cwd(), SAMPLE_PATH)}\n`);
  // The second, illustrative sample (2026-2030, merged province) is rebuilt with the first.
  await writeSample2026();
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(String(e) + "\n");
    process.exitCode = 1;
  });
}
