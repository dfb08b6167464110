// "16,000" is sixteen the Vietnamese way and sixteen thousand the English way. Wherever a job reads a number, such
// a text must be reported (a Warning naming the cell) or refused (an InputError naming the cell), never read
// silently one way.

import type { CellValue } from "../../src/workbook/grid";
import { JOBS } from "../../src/workbook/jobs";
import type { JobRequest, PlanningJob } from "../../src/workbook/jobs/job";
import type { SheetModel, WorkbookModel } from "./generators";
import { probeAmbiguity } from "./harness";

/** A sheet the probe edits (deep-copied each time, so probes do not leak into each other). */
function sheet(name: string, role: string, rows: CellValue[][]): SheetModel {
  return {
    name,
    role,
    kind: "junk",
    rows,
    headerRow: 0,
    merges: [],
    hiddenColumns: [],
    formulaCells: [],
    formattedEmptyRows: 0,
  };
}

const COMMUNES_BY_COUNT = sheet("Xã", "communes", [
  ["TT", "Tên xã", "Huyện", "Số tiêu chí đạt"],
  [1, "Thanh Thới An", "Trần Đề", 16],
  [2, "Tài Văn", "Trần Đề", 17],
  [3, "Mỹ Phước", "Mỹ Tú", 18],
]);

interface Probe {
  job: string;
  input: string;
  column: RegExp;
  model: () => WorkbookModel;
  options?: JobRequest["options"];
}

const COSTS = sheet("Chi phí", "costs", [
  ["Tên xã", "Tiêu chí", "Chi phí"],
  ["Thanh Thới An", 6, 3500],
  [null, 10, 1200],
]);

const FUNDING = sheet("Nguồn vốn", "budget", [
  ["STT", "Nội dung chỉ tiêu", "Kết quả huy động năm 2023", "Kế hoạch năm 2024"],
  ["I", "NGÂN SÁCH TRUNG ƯƠNG", 223534, 200334],
  ["II", "NGÂN SÁCH ĐỊA PHƯƠNG", 54351, 210713],
]);

const BRACKETS = sheet("Đối ứng", "brackets", [
  ["Cận dưới (%)", "Cận trên (%)", "Tỷ lệ đối ứng tối thiểu", "Ghi chú"],
  [0, 50, 1.5, "ví dụ"],
  [50, 100, 0.5, "ví dụ"],
]);

const COEFFICIENTS = sheet("Hệ số", "coefficients", [
  ["Đơn vị", "Hệ số"],
  ["Huyện Kế Sách", 1.5],
  ["Huyện Trần Đề", 1],
]);

const PERIOD_TARGETS = sheet("Chỉ tiêu giai đoạn", "periodTargets", [
  ["Chỉ tiêu", "Mục tiêu"],
  ["Số xã đạt chuẩn nông thôn mới", 72],
]);

const PROBES: Probe[] = [
  {
    job: "summary",
    input: "communes",
    column: /^Số tiêu chí đạt$/,
    model: () => ({ sheets: [COMMUNES_BY_COUNT] }),
  },
  {
    job: "targets",
    input: "costs",
    column: /^Chi phí$/,
    model: () => ({ sheets: [COMMUNES_BY_COUNT, COSTS] }),
    options: { budget: 5000 },
  },
  {
    job: "funding",
    input: "budget",
    column: /năm 2023$/,
    model: () => ({ sheets: [FUNDING] }),
  },
  {
    job: "counterpart",
    input: "brackets",
    column: /^Tỷ lệ đối ứng tối thiểu$/,
    model: () => ({ sheets: [FUNDING, BRACKETS] }),
    options: { "support-share": 40 },
  },
  {
    job: "allocate",
    input: "coefficients",
    column: /^Hệ số$/,
    model: () => ({ sheets: [COEFFICIENTS] }),
    options: { total: 1000 },
  },
  {
    job: "roadmap",
    input: "periodTargets",
    column: /^Mục tiêu$/,
    model: () => ({ sheets: [COMMUNES_BY_COUNT, PERIOD_TARGETS] }),
    options: { budget: 10, to: 2030, from: 2026 },
  },
];

function jobById(id: string): PlanningJob | undefined {
  return JOBS.find((j) => j.id === id);
}

describe("ambiguous numbers in inputs", () => {
  for (const p of PROBES) {
    const job = jobById(p.job);
    if (!job) continue;
    const title = `${p.job}: an ambiguous ${p.column.source} in '${p.input}' is reported or refused, naming its cell`;
    const check = async () => {
      // Fresh rows each time: the probe writes its text into the model.
      const model = p.model();
      model.sheets = model.sheets.map((m) => ({ ...m, rows: m.rows.map((r) => [...r]) }));
      const probe = await probeAmbiguity(job, model, p.input, p.column, p.options);
      expect(probe).not.toBeNull();
      expect(probe!.outcome === "warned" || probe!.outcome === "rejected" ? "told" : probe).toBe(
        "told"
      );
    };
    it(title, check);
  }
});
