// `ntm-plan collect FILES_OR_FOLDER --out tong-hop.xlsx`: the communes' own reports into one province status table,
// with where each value came from and what could not be collected. Progress on stderr; Ctrl+C stops, writing nothing.

import { promises as fs } from "node:fs";
import * as path from "node:path";
import { CATALOGUE_2026_2030 } from "../../engine/catalogues";
import { InputError, warningLine } from "../../engine/errors";
import { withIndicators } from "../../engine/indicators";
import type { Catalogue, Indicator, Warning } from "../../engine/types";
import {
  collectReports,
  type Collection,
  type CollectOptions,
} from "../../workbook/collect/collect";
import { collectionSheets, COLLECTED_SHEET } from "../../workbook/collect/sheets";
import { looksLikeCommuneList, readCommuneList } from "../../workbook/readers/commune-list";
import {
  looksLikeIndicatorPolicy,
  readIndicatorPolicy,
} from "../../workbook/readers/indicator-policy";
import { readingText } from "../../workbook/reading/text";
import { findInputSheet } from "../../workbook/reading/sheet-finder";
import { stringOption, type CliCommand } from "../command";
import { inFile, openWorkbook } from "../io";

const USAGE =
  "ntm-plan collect FILES_OR_FOLDER... [--indicators FILE] [--master FILE] [--json] [--out tong-hop.xlsx]";

const REPORT_FILE = /\.(xlsx|xlsm|csv|xls)$/i;

/** The files named, a folder's report files (sorted; Excel's "~$" lock files and hidden files skipped). */
async function reportFiles(args: string[], out: string | undefined): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    const stat = await fs.stat(arg).catch(() => null);
    if (stat?.isDirectory()) {
      const names = (await fs.readdir(arg)).filter(
        (n) => REPORT_FILE.test(n) && !n.startsWith("~$") && !n.startsWith(".")
      );
      for (const n of names.sort((a, b) => a.localeCompare(b, "vi"))) files.push(path.join(arg, n));
    } else files.push(arg);
  }
  const outPath = out ? path.resolve(out) : undefined;
  return files.filter((f) => path.resolve(f) !== outPath);
}

export async function readPolicy(
  file: string
): Promise<{ catalogue: Catalogue; indicators: Indicator[]; warnings: Warning[] }> {
  const workbook = await openWorkbook(file);
  return inFile(file, async () => {
    const found = await findInputSheet(workbook, {
      accepts: looksLikeIndicatorPolicy,
      what: { vi: "bảng chỉ tiêu theo nhóm xã", en: "indicator policy sheet" },
    });
    if (!found) {
      throw new InputError({
        expected: {
          vi: `bảng chỉ tiêu theo nhóm xã (cột "Mã chỉ tiêu", "Tên chỉ tiêu", "Nhóm 1", "Nhóm 2", "Nhóm 3")`,
          en: `an indicator policy sheet (columns "Mã chỉ tiêu", "Tên chỉ tiêu", "Nhóm 1", "Nhóm 2", "Nhóm 3")`,
        },
      });
    }
    const made = withIndicators(CATALOGUE_2026_2030, readIndicatorPolicy(found.grid));
    return {
      catalogue: made.catalogue,
      indicators: made.catalogue.indicators ?? [],
      // Placed on the policy sheet, as the pane places its open workbook's.
      warnings: [
        ...found.warnings,
        ...made.warnings.map((w) => ({ ...w, file, sheet: found.grid.sheet })),
      ],
    };
  });
}

async function readMaster(file: string): Promise<NonNullable<CollectOptions["master"]>> {
  const workbook = await openWorkbook(file);
  return inFile(file, async () => {
    const found = await findInputSheet(workbook, {
      accepts: looksLikeCommuneList,
      what: { vi: "danh sách xã", en: "communes list" },
    });
    if (!found) {
      throw new InputError({
        expected: {
          vi: `danh sách xã có cột "Tên xã"`,
          en: `a communes list with a "Tên xã" column`,
        },
      });
    }
    return { file, communes: readCommuneList(found.grid) };
  });
}

function summaryLines(c: Collection): string[] {
  const counts = (o: string) => c.files.filter((f) => f.outcome === o).length;
  const lines = [
    `Tổng hợp báo cáo của các xã / Collected commune reports: ${c.files.length} tệp/files`,
    `  Giai đoạn / Period ${c.period}${c.year !== undefined ? `, năm / year ${c.year}` : ""}`,
    `  ${c.communes.length} xã vào bảng '${COLLECTED_SHEET}' / communes in the table; ${c.leftOut} xã chưa tổng hợp / communes left out`,
    `  Tệp / Files: ${counts("collected")} đã tổng hợp / collected, ${counts("left-out")} để riêng / left out, ${counts("unreadable")} không đọc được / unreadable`,
    `  Cần xử lý / To resolve: ${c.problems.length}`,
  ];
  for (const p of c.problems) lines.push(p.vi === p.en ? `! ${p.vi}` : `! ${p.vi} / ${p.en}`);
  return lines;
}

export const collectCommand: CliCommand = {
  name: "collect",
  summary: {
    vi: "Tổng hợp báo cáo của các xã vào một bảng tình trạng của tỉnh",
    en: "Collect the communes' own reports into the province status table",
  },
  usage: USAGE,
  options: { indicators: { type: "string" }, master: { type: "string" } },
  flags: [
    {
      flag: "FILES_OR_FOLDER",
      lines: [
        "Các tệp báo cáo (.xlsx, .csv) hoặc một thư mục chứa chúng",
        "Report files (.xlsx, .csv) or a folder holding them",
      ],
    },
    {
      flag: "--indicators FILE",
      lines: [
        "Bảng chỉ tiêu theo nhóm xã (2026-2030): đọc giá trị chỉ tiêu và ghi kèm vào kết quả",
        "Indicator policy per commune group (2026-2030): reads indicator values and is written with the result",
      ],
    },
    {
      flag: "--master FILE",
      lines: [
        "Danh sách xã của tỉnh: xã nào chưa có báo cáo",
        "The province's communes list: which communes have not reported",
      ],
    },
  ],
  async run(input) {
    const out = stringOption(input, "out");
    const files = await reportFiles(input.files, out);
    if (files.length === 0) {
      throw new InputError({
        found: input.files.join(" ") || "(không có / none)",
        expected: {
          vi: `ít nhất một tệp báo cáo hoặc thư mục có tệp .xlsx: ${USAGE}`,
          en: `at least one report file or a folder of .xlsx files: ${USAGE}`,
        },
      });
    }
    const indicatorsFile = stringOption(input, "indicators");
    const policy = indicatorsFile ? await readPolicy(indicatorsFile) : undefined;
    const masterFile = stringOption(input, "master");
    const master = masterFile ? await readMaster(masterFile) : undefined;
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once("SIGINT", stop);
    let collection: Collection;
    try {
      collection = await collectReports(
        files.map((file) => ({ file, open: () => openWorkbook(file) })),
        {
          ...(policy ? { policy: policy.catalogue } : {}),
          ...(master ? { master } : {}),
          signal: controller.signal,
          onProgress: (done, total, file) =>
            input.progress?.(`[${done}/${total}] ${path.basename(file)}`),
        }
      );
    } finally {
      process.removeListener("SIGINT", stop);
    }
    const sheets = collectionSheets(collection, { indicators: policy?.indicators });
    const reading = collection.files.flatMap((f) => f.reading.map((r) => ({ file: f.file, ...r })));
    const json = {
      period: collection.period,
      year: collection.year ?? null,
      counts: {
        files: collection.files.length,
        collected: collection.files.filter((f) => f.outcome === "collected").length,
        leftOut: collection.files.filter((f) => f.outcome === "left-out").length,
        unreadable: collection.files.filter((f) => f.outcome === "unreadable").length,
        communes: collection.communes.length,
        communesLeftOut: collection.leftOut,
        problems: collection.problems.length,
      },
      files: collection.files,
      communes: collection.communes.map((c) => ({
        name: c.name,
        ...(c.code ? { code: c.code } : {}),
        ...(c.group ? { group: c.group } : {}),
        ...(c.achieved !== undefined ? { achieved: c.achieved, count: c.count } : {}),
        ...(c.indicators ? { indicators: c.indicators } : {}),
        ...(c.money ? { money: c.money } : {}),
        file: c.file,
        alsoIn: c.alsoIn,
      })),
      problems: collection.problems,
      warnings: policy?.warnings ?? [],
      reading,
    };
    const text = [
      ...summaryLines(collection),
      // The policy's warnings, then (printed after this text) what writing changed: the pane's order.
      ...(policy?.warnings ?? []).map(warningLine),
      ...collection.files.flatMap((f) =>
        f.reading.length > 0 ? [`\n${f.file}:`, ...readingText(f.reading)] : []
      ),
    ].join("\n");
    return { json, text, sheets };
  },
};
