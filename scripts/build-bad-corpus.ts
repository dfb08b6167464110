// Builds the broken .xlsx files of test/fixtures/bad/ (the CSV ones are written by hand): each holds one mistake
// staff workbooks really show, and test/fixtures/bad/expected.json says which error the CLI must report for it.

import { existsSync, promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";

function repoRoot(): string {
  // Runs from scripts/ (ts-jest) and from dist-scripts/scripts/ (npm run bad-corpus).
  let dir = __dirname;
  while (!existsSync(path.join(dir, "package.json")) || path.basename(dir) === "dist-scripts")
    dir = path.dirname(dir);
  return dir;
}

export const BAD_DIR = path.join(repoRoot(), "test", "fixtures", "bad");

type Cell = ExcelJS.CellValue;

interface SheetSpec {
  name: string;
  rows: Cell[][];
  /** Ranges such as "A1:E1". */
  merges?: string[];
  /** 1-based columns to hide. */
  hidden?: number[];
  /** Empty rows after the data that carry only a number format and a border. */
  formattedRows?: number;
}

interface BadWorkbook {
  file: string;
  sheets: SheetSpec[];
}

const COMMUNE_HEADER = ["TT", "Tên xã", "Huyện", "Số tiêu chí đạt", "Tiêu chí đạt"];
const TITLE = "TÌNH HÌNH ĐẠT TIÊU CHÍ NÔNG THÔN MỚI CỦA CÁC XÃ ĐẾN CUỐI NĂM 2023";

/** The ten communes of appendix II (Sóc Trăng, end of 2023). */
const COMMUNES: Cell[][] = [
  [1, "Thanh Thới An", "Trần Đề", 16, "1,2,3,4,5,7,8,9,12,13,14,15,16,17,18,19"],
  [2, "Tài Văn", "Trần Đề", 17, "1,2,3,4,5,6,7,8,9,12,13,14,15,16,17,18,19"],
  [3, "Xuân Hòa", "Kế Sách", 15, "1,3,4,5,7,8,9,10,12,13,14,15,16,18,19"],
  [4, "Thới An Hội", "Kế Sách", 15, "1,3,4,6,7,8,9,12,13,14,15,16,17,18,19"],
  [5, "Phong Nẫm", "Kế Sách", 15, "1,3,4,7,8,9,10,12,13,14,15,16,17,18,19"],
  [6, "An Mỹ", "Kế Sách", 15, "1,3,4,6,7,8,9,12,13,14,15,16,17,18,19"],
  [7, "Kế Thành", "Kế Sách", 15, "1,3,4,6,7,8,9,12,13,14,15,16,17,18,19"],
  [8, "Mỹ Phước", "Mỹ Tú", 18, "1,2,3,4,5,6,7,8,9,11,12,13,14,15,16,17,18,19"],
  [9, "Long Phú", "Long Phú", 17, "1,3,4,5,6,7,8,9,11,12,13,14,15,16,17,18,19"],
  [10, "Tân Hưng", "Long Phú", 17, "1,3,4,5,6,7,8,9,11,12,13,14,15,16,17,18,19"],
];

function communes(edit: (rows: Cell[][]) => void): Cell[][] {
  const rows = COMMUNES.map((r) => [...r]);
  edit(rows);
  return rows;
}

/** Appendix III of the 2023 report: source, actual 2023, plan 2024 (million VND). */
const FUNDING_HEADER = [
  "STT",
  "Nội dung chỉ tiêu",
  "Kết quả huy động năm 2023",
  "Kế hoạch năm 2024",
];
const FUNDING: Cell[][] = [
  [null, "TỔNG SỐ", 3602312, 3951450],
  ["I", "NGÂN SÁCH TRUNG ƯƠNG", 223534, 200334],
  [1, "Đầu tư phát triển", 191652, 169946],
  [2, "Sự nghiệp", 31882, 30388],
  ["II", "NGÂN SÁCH ĐỊA PHƯƠNG", 54351, 210713],
  [1, "Tỉnh", 29964, 185253],
  [2, "Huyện", 24387, 25460],
  ["III", "VỐN LỒNG GHÉP", 1379545, 1517500],
  ["IV", "VỐN TÍN DỤNG", 1429056, 1471928],
  ["V", "VỐN DOANH NGHIỆP", 328664, 345097],
  ["VI", "HUY ĐỘNG TỪ NGƯỜI DÂN VÀ CỘNG ĐỒNG", 187162, 205878],
  [1, "Tiền mặt", 42476, 46724],
  [2, "Ngày công và hiện vật quy đổi", 144686, 159155],
];

function funding(edit: (rows: Cell[][]) => void): Cell[][] {
  const rows = FUNDING.map((r) => [...r]);
  edit(rows);
  return rows;
}

const refError = (formula: string): Cell =>
  ({ formula, result: { error: "#REF!" } }) as unknown as Cell;
const divError = (formula: string): Cell =>
  ({ formula, result: { error: "#DIV/0!" } }) as unknown as Cell;

export const BAD_WORKBOOKS: BadWorkbook[] = [
  {
    // Merged title rows above the header, and a count whose formula points at a deleted sheet.
    file: "communes-merged-title-ref-error.xlsx",
    sheets: [
      {
        name: "Xã",
        rows: [
          [TITLE],
          ["(Kèm theo Báo cáo số 123/BC-UBND)"],
          [],
          COMMUNE_HEADER,
          ...communes((r) => (r[4][3] = refError("COUNTA('Tiêu chí cũ'!B5:T5)"))),
        ],
        merges: ["A1:E1", "A2:E2"],
      },
    ],
  },
  {
    // A division by zero in the list of criteria met.
    file: "communes-div0-in-list.xlsx",
    sheets: [
      {
        name: "Xã",
        rows: [COMMUNE_HEADER, ...communes((r) => (r[2][4] = divError("B4/0")))],
      },
    ],
  },
  {
    // A criterion number 20 in a list: the national set has 19.
    file: "communes-criterion-20.xlsx",
    sheets: [
      {
        name: "Xã",
        rows: [
          COMMUNE_HEADER,
          ...communes((r) => (r[6][4] = "1,3,4,6,7,8,9,12,13,14,15,16,17,18,20")),
        ],
      },
    ],
  },
  {
    // A date where the number of criteria belongs (the cell was formatted as a date by autofill).
    file: "communes-date-in-count.xlsx",
    sheets: [
      {
        name: "Xã",
        rows: [COMMUNE_HEADER, ...communes((r) => (r[7][3] = new Date(Date.UTC(1900, 0, 18))))],
      },
    ],
  },
  {
    // 50,000 formatted empty rows below the data, and a count typed as words in the last commune.
    file: "communes-50000-formatted-rows.xlsx",
    sheets: [
      {
        name: "Xã",
        rows: [COMMUNE_HEADER, ...communes((r) => (r[9][3] = "mười bảy"))],
        formattedRows: 50_000,
      },
    ],
  },
  {
    // A hidden column holding an old count with #N/A; the visible data is fine.
    file: "communes-hidden-column-na.xlsx",
    sheets: [
      {
        name: "Xã",
        rows: [
          ["TT", "Tên xã", "Huyện", "Số tiêu chí đạt", "Tiêu chí đạt"],
          ...communes(
            (r) =>
              (r[3][3] = {
                formula: "VLOOKUP(B5,Cu!A:D,4,0)",
                result: { error: "#N/A" },
              } as unknown as Cell)
          ),
        ],
        hidden: [4],
      },
    ],
  },
  {
    // A count of 20 criteria, and a header spelled without diacritics in another order.
    file: "communes-count-20-folded-headers.xlsx",
    sheets: [
      {
        name: "Xa",
        rows: [
          ["so tieu chi dat", "TEN XA", "huyen"],
          [16, "Thanh Thới An", "Trần Đề"],
          [20, "Tài Văn", "Trần Đề"],
        ],
      },
    ],
  },
  {
    // A pasted log of 31,200 characters (Excel allows 32,767) where a count belongs: the error stays one short line.
    file: "communes-huge-string.xlsx",
    sheets: [
      {
        name: "Xã",
        rows: [
          COMMUNE_HEADER,
          ...communes((r) => (r[1][3] = "Tài Văn đạt 17 tiêu chí\n".repeat(1300))),
        ],
      },
    ],
  },
  {
    // No header row the planner knows: a pivot-table export.
    file: "communes-no-header.xlsx",
    sheets: [
      {
        name: "Pivot",
        rows: [
          ["Row Labels", "Sum of Value"],
          ["Trần Đề", 33],
          ["Kế Sách", 75],
          ["Grand Total", 108],
        ],
      },
    ],
  },
  {
    // Blank rows between districts, a commune listed twice, and a count typed the English way with a decimal.
    file: "communes-blank-rows-duplicate-english-decimal.xlsx",
    sheets: [
      {
        name: "Danh sách xã",
        rows: [
          COMMUNE_HEADER,
          ...COMMUNES.slice(0, 2),
          [],
          [],
          ...COMMUNES.slice(2, 4),
          [3, "Xuân Hòa", "Kế Sách", 15, "1,3,4,5,7,8,9,10,12,13,14,15,16,18,19"],
          [],
          [5, "Phong Nẫm", "Kế Sách", "15.5", null],
        ],
      },
    ],
  },
  {
    // Funding table with a #REF! in the central budget line.
    file: "funding-ref-error.xlsx",
    sheets: [
      {
        name: "Nguồn vốn",
        rows: [
          ["PHỤ LỤC III: KẾT QUẢ HUY ĐỘNG NGUỒN LỰC"],
          ["ĐVT: triệu đồng"],
          FUNDING_HEADER,
          ...funding((r) => (r[1][2] = refError("SUM(#REF!)"))),
        ],
        merges: ["A1:D1", "A2:D2"],
      },
    ],
  },
  {
    // Funding table with a date in the plan column.
    file: "funding-date-amount.xlsx",
    sheets: [
      {
        name: "Nguồn vốn",
        rows: [FUNDING_HEADER, ...funding((r) => (r[5][3] = new Date(Date.UTC(2024, 4, 1))))],
      },
    ],
  },
  {
    // Funding table with an amount written with both separators wrong: "1.379.545,5,0".
    file: "funding-bad-text-number.xlsx",
    sheets: [
      {
        name: "Nguồn vốn",
        rows: [FUNDING_HEADER, ...funding((r) => (r[7][2] = "1.379.545,5,0"))],
      },
    ],
  },
];

function addSheet(book: ExcelJS.Workbook, spec: SheetSpec): void {
  const ws = book.addWorksheet(spec.name);
  spec.rows.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== null && value !== undefined) ws.getCell(r + 1, c + 1).value = value;
    })
  );
  ws.getRow(1).font = { bold: true };
  for (const range of spec.merges ?? []) ws.mergeCells(range);
  for (const col of spec.hidden ?? []) ws.getColumn(col).hidden = true;
  for (let i = 0; i < (spec.formattedRows ?? 0); i++) {
    const cell = ws.getCell(spec.rows.length + 1 + i, 4);
    cell.numFmt = "#,##0";
    cell.border = { bottom: { style: "hair" } };
  }
}

export async function buildBadWorkbook(spec: BadWorkbook): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "NTM Planner bad-input corpus";
  // Fixed dates so that rebuilding gives the same bytes where ExcelJS allows.
  book.created = book.modified = new Date(Date.UTC(2024, 0, 1));
  for (const sheet of spec.sheets) addSheet(book, sheet);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * Two sheets named "Xã" and "XÃ": Excel refuses that, ExcelJS cannot write it, so the name is changed inside
 * the file. The planner must say the file is invalid rather than pick one of them silently.
 */
async function buildCaseTwins(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.created = book.modified = new Date(Date.UTC(2024, 0, 1));
  addSheet(book, { name: "Xã", rows: [COMMUNE_HEADER, ...COMMUNES] });
  addSheet(book, { name: "TWIN", rows: [COMMUNE_HEADER, ...COMMUNES.slice(0, 3)] });
  const zip = await JSZip.loadAsync(await book.xlsx.writeBuffer());
  const xml = await zip.file("xl/workbook.xml")!.async("string");
  zip.file("xl/workbook.xml", xml.replace('name="TWIN"', 'name="XÃ"'));
  return zip.generateAsync({ type: "nodebuffer" });
}

export async function buildBadCorpus(
  dir = BAD_DIR,
  only: (file: string) => boolean = () => true
): Promise<string[]> {
  await fs.mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const spec of BAD_WORKBOOKS.filter((s) => only(s.file))) {
    await fs.writeFile(path.join(dir, spec.file), await buildBadWorkbook(spec));
    written.push(spec.file);
  }
  if (only("communes-case-twin-sheets.xlsx")) {
    await fs.writeFile(path.join(dir, "communes-case-twin-sheets.xlsx"), await buildCaseTwins());
    written.push("communes-case-twin-sheets.xlsx");
  }
  return written;
}

if (require.main === module) {
  buildBadCorpus().then(
    (files) => process.stdout.write(`Wrote ${files.length} files to ${BAD_DIR}\n`),
    (e) => {
      process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 1;
    }
  );
}
