// The sheets `collect` writes: the province status table ("Xã (tổng hợp)", an ordinary input sheet every job reads),
// the policy it was read with (2026-2030), "Nguồn" (each value's file, sheet and cell) and "Cần xử lý".

import { compareIndicatorCodes } from "../../engine/indicators";
import type { CommuneGroup, Indicator, Requirement, SourceRef } from "../../engine/types";
import type { CellValue } from "../grid";
import { FORMATS, type OutputSheet } from "../output";
import { INDICATOR_POLICY_SHEET } from "../readers/indicator-policy";
import { leftOutNote } from "../reading/left-out";
import { hasNonXml } from "../xml-text";
import { cellOf, type CollectedCommune, type Collection, type CollectProblem } from "./collect";

/**
 * The report cell a commune's value (by key: "name", "code", "2.1", "criteria"…) was read from, with its file: what
 * the output boundary names when it changes a text written from it, however many places it was written.
 */
function fromReport(x: CollectedCommune, key: string): SourceRef | undefined {
  const at = key === "criteria" ? cellOf(x, key) : x.cells[key];
  return at ? { file: x.file, sheet: at.sheet, cell: at.cell } : undefined;
}

/**
 * The cells a "Cần xử lý" line was written from: the commune's name from its name cell, the reason from the
 * problem's own cell (the value or the cell a file was refused at), or from the name cell when it is the name that
 * holds what a file cannot.
 */
function problemSources(p: CollectProblem): (SourceRef | undefined)[] {
  const own =
    p.file !== undefined && p.sheet !== undefined && p.cell !== undefined
      ? { file: p.file, sheet: p.sheet, cell: p.cell }
      : undefined;
  const name = p.communeAt ?? own;
  const reason = p.commune !== undefined && hasNonXml(p.commune) ? name : own;
  return [undefined, undefined, undefined, undefined, name, reason, reason];
}

export const COLLECTED_SHEET = "Xã (tổng hợp)";
export const SOURCES_SHEET = "Nguồn";
export const PROBLEMS_SHEET = "Cần xử lý";
export const MONEY_SHEET = "Huy động (tổng hợp)";

const TIER_WORDS = {
  none: "chưa đạt",
  standard: "đạt chuẩn",
  advanced: "nâng cao",
  model: "kiểu mẫu",
  modern: "hiện đại",
} as const;

function requirementCell(r: Requirement): CellValue {
  return r === null ? "không áp dụng" : r === true ? "Đạt" : r;
}

const COMPARISON_WORDS = { ">=": "≥", "<=": "≤", "=": "=", pass: "Đạt/Không đạt" } as const;

/** The policy as a sheet the indicator policy reader reads back (same headers as the template). */
function policySheet(indicators: Indicator[]): OutputSheet {
  return {
    sheet: INDICATOR_POLICY_SHEET,
    tables: [
      {
        name: "NTM_ChiTieu_TongHop",
        readBack: true,
        columns: [
          { header: "Mã chỉ tiêu", format: FORMATS.text },
          { header: "Tiêu chí", format: FORMATS.count },
          { header: "Tên chỉ tiêu" },
          { header: "Tên tiếng Anh" },
          { header: "Nhóm 1" },
          { header: "Nhóm 2" },
          { header: "Nhóm 3" },
          { header: "Đơn vị" },
          { header: "So sánh" },
          { header: "Nguồn" },
        ],
        rows: indicators.map((i) => [
          i.code,
          i.criterion,
          i.vi,
          i.en,
          ...([1, 2, 3] as CommuneGroup[]).map((g) => requirementCell(i.requirements[g])),
          i.unit ?? null,
          COMPARISON_WORDS[i.comparison],
          i.source ?? null,
        ]),
      },
    ],
  };
}

/**
 * "Tình trạng … đến cuối năm 2025 … 3 xã chưa tổng hợp": the title says the status year and how many communes are
 * left out, so every job reads both from the sheet (reading/left-out.ts) wherever the table is copied to.
 */
function statusTitle(c: Collection): string {
  const year = c.year !== undefined ? ` đến cuối năm ${c.year}` : "";
  return (
    `Tình trạng thực hiện tiêu chí nông thôn mới của các xã${year}, giai đoạn ${c.period} — tổng hợp từ báo cáo của các xã; ` +
    leftOutNote(c.leftOut, PROBLEMS_SHEET)
  );
}

/** Money raised by commune and source (the forms' optional lines), with the cell each amount came from. */
function moneySheet(c: Collection): OutputSheet | null {
  const rows: CellValue[][] = [];
  const cellSources: (SourceRef | undefined)[][] = [];
  for (const x of c.communes) {
    for (const m of x.money ?? []) {
      const sheet = x.cells.name?.sheet;
      cellSources.push([
        fromReport(x, "name"),
        fromReport(x, "code"),
        m.sourceCell && sheet ? { file: x.file, sheet, cell: m.sourceCell } : undefined,
      ]);
      rows.push([
        x.name,
        x.code ?? null,
        m.source,
        m.amount,
        x.file,
        x.cells.name?.sheet ?? null,
        m.cell,
      ]);
    }
  }
  if (rows.length === 0) return null;
  return {
    sheet: MONEY_SHEET,
    tables: [
      {
        name: "NTM_HuyDong_TongHop",
        readBack: true,
        title: "Vốn huy động theo xã và nguồn / Money raised by commune and source",
        unit: "ĐVT: triệu đồng",
        columns: [
          { header: "Xã / Commune" },
          { header: "Mã / Code", format: FORMATS.text },
          { header: "Nguồn vốn / Source" },
          { header: "Số tiền / Amount", format: FORMATS.money },
          { header: "Tệp / File" },
          { header: "Trang / Sheet" },
          { header: "Ô / Cell" },
        ],
        rows,
        cellSources,
      },
    ],
  };
}

export function collectionSheets(
  c: Collection,
  options: {
    indicators?: Indicator[];
    /** False where the policy is already in the workbook written to (the pane reads it from the open workbook). */
    policySheet?: boolean;
  } = {}
): OutputSheet[] {
  const byIndicator = c.period === "2026-2030";
  const any = (f: (x: Collection["communes"][number]) => unknown) => c.communes.some((x) => f(x));
  const withDistrict = any((x) => x.district);
  const withTier = any((x) => x.tier);
  const codes = options.indicators?.length
    ? options.indicators.map((i) => i.code)
    : [...new Set(c.communes.flatMap((x) => Object.keys(x.indicators ?? {})))].sort(
        compareIndicatorCodes
      );
  const columns = [
    { header: "TT", format: FORMATS.count },
    { header: "Tên xã" },
    { header: "Mã xã", format: FORMATS.text },
    ...(byIndicator ? [{ header: "Nhóm xã", format: FORMATS.count }] : []),
    ...(withDistrict ? [{ header: byIndicator ? "Huyện (cũ)" : "Huyện" }] : []),
    ...(withTier ? [{ header: "Trạng thái" }] : []),
    ...(byIndicator
      ? codes.map((code) => ({ header: code }))
      : [{ header: "Số tiêu chí đạt", format: FORMATS.count }, { header: "Tiêu chí đạt" }]),
  ];
  const rows = c.communes.map((x, i): CellValue[] => [
    i + 1,
    x.name,
    x.code ?? null,
    ...(byIndicator ? [x.group ?? null] : []),
    ...(withDistrict ? [x.district ?? null] : []),
    ...(withTier ? [x.tier ? TIER_WORDS[x.tier] : null] : []),
    ...(byIndicator
      ? codes.map((code) => x.indicators?.[code] ?? null)
      : [x.count ?? null, x.achieved && x.achieved.length > 0 ? x.achieved.join(",") : null]),
  ]);
  // Each column's key in a commune's cells, to name the report cell a written value came from.
  const keys: (string | null)[] = [
    null,
    "name",
    "code",
    ...(byIndicator ? ["group"] : []),
    ...(withDistrict ? ["district"] : []),
    ...(withTier ? ["tier"] : []),
    ...(byIndicator ? codes : ["criteria", "criteria"]),
  ];
  const status: OutputSheet = {
    sheet: COLLECTED_SHEET,
    tables: [
      {
        name: "NTM_Xa_TongHop",
        title: statusTitle(c),
        columns,
        rows,
        readBack: true,
        cellSources: c.communes.map((x) => keys.map((k) => (k ? fromReport(x, k) : undefined))),
      },
    ],
  };

  const sourceRows: CellValue[][] = [];
  const sourceCells: (SourceRef | undefined)[][] = [];
  for (const x of c.communes) {
    const named = [fromReport(x, "name"), fromReport(x, "code")];
    for (const [key, at] of Object.entries(x.cells)) {
      sourceCells.push(named);
      sourceRows.push([
        x.name,
        x.code ?? null,
        key,
        x.file,
        at.sheet,
        at.cell,
        x.alsoIn.join("; ") || null,
      ]);
    }
  }
  const sources: OutputSheet = {
    sheet: SOURCES_SHEET,
    tables: [
      {
        name: "NTM_Nguon_TongHop",
        title: "Nguồn của từng giá trị / Where each value came from",
        columns: [
          { header: "Xã / Commune" },
          { header: "Mã / Code", format: FORMATS.text },
          { header: "Mục / Item", format: FORMATS.text },
          { header: "Tệp / File" },
          { header: "Trang / Sheet" },
          { header: "Ô / Cell" },
          { header: "Cũng có ở / Also in" },
        ],
        rows: sourceRows,
        cellSources: sourceCells,
      },
    ],
  };
  const problems: OutputSheet = {
    sheet: PROBLEMS_SHEET,
    tables: [
      {
        name: "NTM_CanXuLy",
        title: `Chưa tổng hợp được / Not collected: ${c.problems.length}`,
        columns: [
          { header: "Loại / Kind" },
          { header: "Tệp / File" },
          { header: "Trang / Sheet" },
          { header: "Ô / Cell" },
          { header: "Đơn vị / Commune" },
          { header: "Lý do" },
          { header: "Reason" },
        ],
        rows: c.problems.map((p) => [
          p.kind,
          p.file ?? null,
          p.sheet ?? null,
          p.cell ?? null,
          p.commune ?? null,
          p.vi,
          p.en,
        ]),
        cellSources: c.problems.map(problemSources),
      },
    ],
  };
  const money = moneySheet(c);
  return [
    status,
    ...(byIndicator && options.indicators?.length && options.policySheet !== false
      ? [policySheet(options.indicators)]
      : []),
    ...(money ? [money] : []),
    sources,
    problems,
  ];
}
