import { readFileSync } from "fs";
import { ExcelJsWorkbook } from "../../src/workbook/adapters/exceljs";
import { JOBS } from "../../src/workbook/jobs";
import type { JobResult, PlanningJob } from "../../src/workbook/jobs/job";
import { templateSheet } from "../../src/workbook/templates";
import { keyFigures, type KeyFigure } from "../../src/taskpane/key-figures";
import { announcement } from "../../src/taskpane/announce";
import { localCell, localText, splitBilingual } from "../../src/taskpane/localize";
import { cellDisplay, fitTable } from "../../src/taskpane/table-fit";
import { bilingualHeader, HEADER_ENGLISH } from "../../src/workbook/headers";
import { buildRequest, defaultOptions, runCancellable } from "../../src/taskpane/run";
import { chooseTheme } from "../../src/taskpane/theme";

/** What a clerk fills in where a job has no default (as in the browser tests). */
const OPTIONS: Record<string, Record<string, string | number>> = {
  counterpart: { ratio: 1 },
  allocate: { total: 200334 },
  roadmap: { budget: 120, from: 2024, to: 2025 },
};

const KNOWN = ["summary", "targets", "funding", "counterpart", "allocate", "roadmap", "merge"];
const results = new Map<string, JobResult>();

beforeAll(async () => {
  const workbook = await ExcelJsWorkbook.fromXlsx(readFileSync("assets/ntm-sample.xlsx"));
  await workbook.writeResults([templateSheet("coefficients"), templateSheet("merge")]);
  // The six jobs these figures are written for; jobs added later bring their own tests.
  for (const job of JOBS.filter((j) => KNOWN.includes(j.id))) {
    const options = { ...defaultOptions(job), ...OPTIONS[job.id] };
    results.set(job.id, await runCancellable(job, buildRequest(job, workbook, {}, options)));
  }
}, 60_000);

const figure = (jobId: string, id: string): KeyFigure => {
  const found = keyFigures(jobId, results.get(jobId)!).figures.find((f) => f.id === id);
  if (!found) throw new Error(`no figure ${id} for ${jobId}`);
  return found;
};

describe("key figures from the job results (Sóc Trăng sample)", () => {
  it("summary: 70/80 standard, 18,63 average and the communes per band", () => {
    expect(figure("summary", "standard")).toMatchObject({ value: "70/80", note: { vi: "87,50%" } });
    expect(figure("summary", "average").value).toBe("18,63");
    const bands = figure("summary", "bands");
    expect(bands.parts?.map((p) => [p.label.vi, p.value])).toEqual([
      ["19 tiêu chí", "70"],
      ["15-18 tiêu chí", "10"],
      ["10-14 tiêu chí", "0"],
      ["5-9 tiêu chí", "0"],
      ["0-4 tiêu chí", "0"],
    ]);
    expect(keyFigures("summary", results.get("summary")!).sheet).toBe("Xã");
  });

  it("targets: newly standard, criteria gained and the cost without a budget limit", () => {
    expect(figure("targets", "newly-standard").value).toBe("10");
    expect(figure("targets", "criteria-gained").value).toBe("30");
    expect(figure("targets", "cost")).toMatchObject({
      value: "30",
      note: { en: "No budget limit" },
    });
    expect(figure("targets", "average").value).toBe("18,63 → 19,00");
  });

  it("targets against a budget: cost / budget and what is left", () => {
    const result = results.get("targets")!;
    const json = { ...result.json, budget: 16, cost: 16, budgetLeft: 0 };
    const cost = keyFigures("targets", { ...result, json }).figures.find((f) => f.id === "cost");
    expect(cost).toMatchObject({ value: "16 / 16", note: { vi: "Còn lại 0" } });
  });

  it("funding: each column's total with the main shares, and the one sum that does not agree", () => {
    const first = figure("funding", "total-1");
    expect(first.value).toBe("3.602.312");
    expect(first.label.vi).toBe("Kết quả huy động năm 2023 (triệu đồng)");
    expect(first.parts?.[0]).toEqual({
      label: { vi: "Ngân sách trung ương", en: "Central budget" },
      value: "6,20%", // shown as the sheet: the six shares add to 100,00%
    });
    expect(figure("funding", "total-2").value).toBe("3.951.450");
    expect(figure("funding", "checks")).toMatchObject({ value: "1", tone: "warning" });
  });

  it("counterpart: the ratio per year, compliant or short and by how much", () => {
    expect(figure("counterpart", "ratio-1")).toMatchObject({
      value: "0,24",
      tone: "danger",
      note: { vi: "Chưa đạt (tối thiểu 1,00), thiếu 169.183 triệu đồng" },
    });
    expect(figure("counterpart", "ratio-2")).toMatchObject({ value: "1,05", tone: "success" });
  });

  it("allocation: the envelope and the units", () => {
    expect(figure("allocate", "envelope").value).toBe("200.334");
    expect(figure("allocate", "units").value).toBe(
      String((results.get("allocate")!.json.allocations as unknown[]).length)
    );
  });

  it("roadmap: each period target reachable or not", () => {
    // 2024 as the targets plan on the same inputs (120 criteria, no cap: all ten finish), then the pace.
    expect(figure("roadmap", "standard-end").value).toBe("80/80");
    expect(figure("roadmap", "target-standard")).toMatchObject({
      value: "80 / 72",
      tone: "success",
      note: { vi: "Đạt năm 2024", en: "Reached in 2024" },
    });
    expect(figure("roadmap", "target-model")).toMatchObject({
      value: "4 / 8",
      tone: "danger",
      note: { vi: "Không đạt, còn thiếu 4" },
    });
  });

  it("merger: the new communes and the old ones they come from", () => {
    // The mapping template's example row: one old commune into one new one.
    expect(figure("merge", "new-communes")).toMatchObject({
      value: "1",
      note: { vi: "từ 1 xã cũ", en: "from 1 old commune" },
    });
  });

  it("has no figures for a job it does not know or a result of another shape", () => {
    const result = results.get("summary")!;
    expect(keyFigures("test-count", result).figures).toEqual([]);
    expect(keyFigures("summary", { ...result, json: { communes: "80" } }).figures).toEqual([]);
  });
});

describe("result tables in the pane's language", () => {
  it("splits the writers' bilingual pairs, not Vietnamese pairs", () => {
    expect(splitBilingual("Chỉ tiêu (Indicator)")).toEqual({ vi: "Chỉ tiêu", en: "Indicator" });
    expect(splitBilingual("Ngân sách (budget, triệu đồng)")).toEqual({
      vi: "Ngân sách",
      en: "Budget, million VND",
    });
    expect(splitBilingual("Tổng số / các nguồn")).toBeUndefined();
    expect(splitBilingual("Kinh phí (triệu đồng)")).toBeUndefined();
    expect(localText("Cơ cấu nguồn vốn (triệu đồng) / Funding mix (million VND)", "vi")).toBe(
      "Cơ cấu nguồn vốn (triệu đồng)"
    );
    expect(localText("Cơ cấu nguồn vốn (triệu đồng) / Funding mix (million VND)", "en")).toBe(
      "Funding mix (million VND)"
    );
  });

  it("translates the writers' Vietnamese-only headers and fixed words, never names", () => {
    expect(localText("Tỷ lệ - Kế hoạch năm 2024", "en")).toBe("Share - Kế hoạch năm 2024");
    expect(localText("Kinh phí (triệu đồng)", "en")).toBe("Cost (million VND)");
    expect(localText("Tên xã", "en")).toBe("Commune");
    expect(localCell("Chưa đạt", "en", false)).toBe("Not met");
    expect(localCell("Tài Văn", "en", false)).toBe("Tài Văn");
    // A name with brackets is split only in a column the writer made bilingual.
    expect(localCell("Xã Long Phu (cu)", "en", false)).toBe("Xã Long Phu (cu)");
    expect(localCell("Số xã (Communes)", "en", true)).toBe("Communes");
    expect(localCell("Số xã (Communes)", "vi", true)).toBe("Số xã");
  });

  it("gives every header of every job's tables an English form on the sample", () => {
    // The funding columns are named as the user's sheet names them.
    const named = (header: string) =>
      header.replace(/Kết quả huy động năm 2023|Kế hoạch năm 2024/g, "");
    for (const [id, result] of results) {
      for (const table of result.sheets.flatMap((s) => s.tables)) {
        const fit = fitTable(table, "en");
        for (const c of [fit.name, ...fit.figures, ...fit.rest].filter((x) => x !== undefined)) {
          expect({ id, table: table.name, header: named(c.header) }).toEqual({
            id,
            table: table.name,
            header: expect.not.stringMatching(
              /[ạảãầấậẩẫằắặẳẵẹẻẽềếệểễịỉĩọỏõồốộổỗờớợởỡụủũừứựửữỳýỵỷỹđ]/i
            ),
          });
        }
        expect(fit.title).not.toMatch(/ \/ /);
      }
    }
  });
});

describe("the pane's English for a header is the result workbook's", () => {
  // The pane is given results through the output boundary (headers already "Tiếng Việt (English)"); a header or
  // word that reaches it Vietnamese-only is translated from the same glossary.
  it("for every header of the glossary", () => {
    for (const header of Object.keys(HEADER_ENGLISH)) {
      const sheet = splitBilingual(bilingualHeader(header))?.en;
      expect({ header, en: localText(header, "en") }).toEqual({ header, en: sheet });
    }
  });

  it("for a header with a unit, the same words", () => {
    expect(localText("Chi phí (triệu đồng)", "en")).toBe("Cost (million VND)");
    expect(splitBilingual(bilingualHeader("Chi phí (triệu đồng)"))?.en).toBe("Cost, million VND");
  });
});

describe("result tables at pane width", () => {
  const tables = () =>
    [...results].flatMap(([id, r]) => r.sheets.flatMap((s) => s.tables.map((t) => ({ id, t }))));

  it("shows each table's name column and at least one figure, the other columns behind the expander", () => {
    for (const { id, t } of tables()) {
      const fit = fitTable(t, "vi");
      expect({ id, table: t.name, figures: fit.figures.length > 0 }).toEqual({
        id,
        table: t.name,
        figures: true,
      });
      const shown = [fit.name, ...fit.figures, ...fit.rest].filter((c) => c).map((c) => c!.index);
      expect(shown.sort((a, b) => a - b)).toEqual(t.columns.map((_, i) => i));
    }
  });

  it("picks the figures a reader looks for", () => {
    const pick = (job: string, name: string, lang: "vi" | "en" = "vi") => {
      const t = results
        .get(job)!
        .sheets.flatMap((s) => s.tables)
        .find((x) => x.name === name)!;
      const fit = fitTable(t, lang);
      return [fit.name?.header, ...fit.figures.map((c) => c.header)];
    };
    expect(pick("targets", "NTM_ChiTieu")).toEqual([
      "Tên xã",
      "Số TC phấn đấu",
      "Lũy kế",
      "Chi phí, tiêu chí",
    ]);
    expect(pick("counterpart", "NTM_DoiUng", "en")).toEqual([
      "Year/column",
      "Counterpart ratio",
      "Shortfall",
    ]);
    expect(pick("summary", "NTM_TheoTieuChi", "en")).toEqual([
      "English name",
      "Communes meeting it",
      "Share",
    ]);
    expect(pick("roadmap", "NTM_LoTrinh")[0]).toBe("Năm");
    expect(pick("allocate", "NTM_PhanBo")).toEqual([
      "Đơn vị",
      "Tỷ trọng",
      "Số vốn phân bổ, triệu đồng",
    ]);
  });

  it("formats figures the Vietnamese way and years as years", () => {
    const funding = results.get("funding")!.sheets[0].tables[0];
    expect(cellDisplay(funding, 2, 3602312, "en")).toBe("3.602.312");
    expect(cellDisplay(funding, 3, 0.06205292600974041, "en")).toMatch(/^6,21\s?%$/);
    const roadmap = results.get("roadmap")!.sheets[0].tables[0];
    expect(cellDisplay(roadmap, 0, 2024, "vi")).toBe("2024");
    expect(cellDisplay(roadmap, 0, "2023 (hiện trạng)", "en")).toBe("2023 (now)");
  });
});

describe("announcements and theme", () => {
  it("announces a finished run with its first figures in the pane's language", () => {
    const job = JOBS.find((j) => j.id === "summary") as PlanningJob;
    const result = results.get("summary")!;
    const done = { status: "done" as const, result, figures: keyFigures("summary", result) };
    const text = announcement(done, job, "en");
    expect(text).toBe(
      "Done: Summarise communes' criteria. Communes at the NTM standard: 70/80. " +
        "Average criteria per commune: 18,63. Advanced NTM communes: 20. 0 warnings."
    );
    expect(announcement({ status: "running" }, job, "vi")).toBe("Đang tính…");
  });

  it("follows Windows high contrast first, then Office's background, then the browser", () => {
    const base = { forcedColors: false, prefersDark: false };
    expect(chooseTheme({ ...base, forcedColors: true, officeBackground: "#FFFFFF" })).toBe(
      "highContrast"
    );
    expect(chooseTheme({ ...base, officeBackground: "#262626" })).toBe("dark");
    expect(chooseTheme({ ...base, officeBackground: "#000000", prefersDark: false })).toBe("dark");
    expect(chooseTheme({ ...base, officeBackground: "#E6E6E6", prefersDark: true })).toBe("light");
    expect(chooseTheme({ ...base, prefersDark: true })).toBe("dark");
    expect(chooseTheme(base)).toBe("light");
  });
});
