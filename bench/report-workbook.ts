// A whole province's planning workbook at any size, for the CLI rows of the bench (report, targets --out): the
// communes sheet (criteria met as a list), the costs of every missing criterion, the funding lines and one
// allocation coefficient per district. Written with ExcelJS's streaming writer, so 130,000 communes stay cheap.

import ExcelJS from "exceljs";
import type { CellValue } from "../src/workbook/grid";
import {
  budgetGrid,
  communesGrid,
  costsGrid,
  generateRegion,
  officeCostsGrid,
  type Profile,
  type SyntheticRegion,
} from "./generators";

export interface ProvinceBook {
  region: SyntheticRegion;
  /** Districts in the order of the coefficients sheet, each with its coefficient. */
  coefficients: { district: string; coefficient: number }[];
}

async function addSheet(
  book: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  rows: CellValue[][]
): Promise<void> {
  const sheet = book.addWorksheet(name);
  for (const r of rows) sheet.addRow(r as ExcelJS.CellValue[]).commit();
  await sheet.commit();
}

/** A workbook of one sheet, streamed to `file`. */
export async function writeSheetBook(
  file: string,
  name: string,
  rows: CellValue[][]
): Promise<void> {
  await writeSheetsBook(file, [[name, rows]]);
}

/** A workbook of these sheets, in order, streamed to `file`. */
export async function writeSheetsBook(
  file: string,
  sheets: [name: string, rows: CellValue[][]][]
): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false });
  for (const [name, rows] of sheets) await addSheet(book, name, rows);
  await book.commit();
}

/**
 * Writes the workbook to `file`. `profile` "status" gives a country-like spread (about 72% at the standard),
 * "planning" has every commune short of it. The communes sheet's title says the status year (2023), so that
 * `--year 2024` plans the year after it.
 */
export async function writeProvinceBook(
  file: string,
  options: {
    communes: number;
    seed?: string;
    profile?: Profile;
    /**
     * Leave out the costs, funding or coefficients sheet (each is written unless false); "office" writes the costs
     * in an office's nine columns (officeCostsGrid).
     */
    costs?: boolean | "office";
    funding?: boolean;
    coefficients?: boolean;
  }
): Promise<ProvinceBook> {
  const region = generateRegion({
    seed: options.seed ?? "province-book",
    communes: options.communes,
    profile: options.profile ?? "status",
  });
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false });
  const communes = communesGrid(region, "list");
  communes[0][0] = "Tình hình đạt tiêu chí nông thôn mới của các xã, đến cuối năm 2023";
  await addSheet(book, "Xã", communes);
  if (options.costs !== false) {
    const costs = options.costs === "office" ? officeCostsGrid(region) : costsGrid(region);
    await addSheet(book, "Chi phí", costs);
  }
  if (options.funding !== false) await addSheet(book, "Nguồn vốn", budgetGrid(region));
  const districts = [...new Set(region.communes.map((c) => c.district))];
  const coefficients = districts.map((district, i) => ({
    district,
    coefficient: 1 + (i % 3) * 0.5,
  }));
  if (options.coefficients !== false) {
    await addSheet(book, "Hệ số", [
      ["Bảng hệ số phân bổ vốn sự nghiệp 2024"],
      [],
      ["TT", "Đơn vị", "Hệ số"],
      ...coefficients.map((c, i) => [i + 1, c.district, c.coefficient]),
    ]);
  }
  await book.commit();
  return { region, coefficients };
}
