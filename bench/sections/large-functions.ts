// Issue #22: a cell function over a whole province's range runs in Excel's shared runtime and must not freeze the
// pane. ALLOCATE (100,000 coefficients), ALLOCATE_POLICY (100,000 commune rows) and MIN_RATIO (100,000 bracket rows),
// at the most a cell function takes (FUNCTION_ROW_LIMIT), are judged against NTM.COUNT over 10,000 cells in the same
// run (the work is linear, machines differ); ALLOCATE on the issue's 100,000 × 20 cells (2,000,000 coefficients) is
// over the limit and must be refused with #NUM! as fast. Each range is built before its timing, as Excel passes it.

import { FUNCTION_ROW_LIMIT } from "../../src/functions/limits";
import { communesGrid, generateRegion } from "../generators";
import { formatMs, timeRuns } from "../measure";
import { loadModule, MODULES, type CustomFunction } from "../modules";
import type { Options } from "../options";
import type { Report } from "../report";

/** At most this many times the slowest NTM.COUNT row (10,000 cells) of the same run. */
export const LARGE_TO_COUNT = 10;
/** The issue's size: over the limit, refused. */
const ISSUE_ROWS = 100_000;
const ENVELOPE = 1_000_000;

interface LargeCase {
  name: string;
  run: () => unknown;
  /** Null when the answer is right, else what is wrong. */
  check: (result: unknown) => string | null;
}

/** Excel gives an empty cell as "" inside a range argument. */
function excelRows(rows: unknown[][]): unknown[][] {
  return rows.map((r) => r.map((c) => (c === null || c === undefined ? "" : c)));
}

function errorOf(body: () => unknown): { result?: unknown; code?: string; message?: string } {
  try {
    return { result: body() };
  } catch (e) {
    return { code: (e as { code?: string }).code, message: (e as Error).message };
  }
}

/** Amounts that add up to the envelope, each within one unit of its exact share of the weights. */
function checkSplit(result: unknown, weights: number[], total: number): string | null {
  if (!Array.isArray(result))
    return `no spill: ${String((result as { message?: string })?.message ?? result)}`;
  if (result.length !== weights.length) return `${result.length} rows for ${weights.length}`;
  const sum = weights.reduce((a, b) => a + b, 0);
  let got = 0;
  for (let i = 0; i < weights.length; i++) {
    const amount = (result[i] as number[])[0];
    got += amount;
    if (Math.abs(amount - (total * weights[i]) / sum) > 1) return `row ${i + 1}: ${amount}`;
  }
  return got === total ? null : `Σ ${got} ≠ ${total}`;
}

/** #NUM! with a message naming the limit: the refusal of a range over it. */
function checkRefused(r: unknown): string | null {
  const { code, message } = r as { code?: string; message?: string };
  const limit = FUNCTION_ROW_LIMIT.toLocaleString("en");
  return code === "#NUM!" && (message ?? "").includes(limit)
    ? null
    : `answered ${code ?? "a value"}: ${message}`;
}

/** A communes range as Excel passes it, header first, with the ATK column the QĐ 07/2022 preset reads. */
function communesRange(rows: number): unknown[][] {
  const region = generateRegion({ seed: "large-functions", communes: rows, profile: "status" });
  // One commune in nine is marked ATK.
  return excelRows(
    communesGrid(region, "count")
      .slice(2)
      .map((row, i) => [...row, i === 0 ? "ATK" : i % 9 === 0 ? "x" : ""])
  );
}

/**
 * The same communes for the 2026-2030 preset: a commune group on every row, the commune-type columns its rules read
 * (zone, ATK, border, island, special zone, especially difficult villages) and counts within its 10 criteria.
 */
function groupsRange(grid: unknown[][]): unknown[][] {
  const count = grid[0].indexOf("Số tiêu chí đạt");
  const types = ["Nhóm xã", "Khu vực", "Biên giới", "Hải đảo", "Đặc khu", "Số thôn ĐBKK"];
  return grid.map((row, i) => {
    if (i === 0) return [...row, ...types];
    const out = row.slice();
    out[count] = Number(row[count]) % 11;
    const zone = ["", "I", "II", "III"][i % 4];
    return [...out, 1 + (i % 3), zone, i % 13 === 0 ? "x" : "", "", "", i % 5];
  });
}

/**
 * The coefficient a rule sentence ends with, written the Vietnamese way: "Khu vực III → 50", "… = 1,5 [preset note]",
 * "không khớp quy tắc nào → 0 / no rule applies".
 */
function ruleFigure(sentence: string): number {
  const words = sentence.split(" [")[0];
  const at = Math.max(words.lastIndexOf("= "), words.lastIndexOf("→ "));
  return Number.parseFloat(
    words
      .slice(at + 2)
      .replace(/\./g, "")
      .replace(",", ".")
  );
}

/** Brackets of equal width from 0 to 100 %; the share 50.0005 % falls in the middle one. */
function bracketRows(rows: number): number[][] {
  return Array.from({ length: rows }, (_, i) => [
    (i * 100) / rows,
    ((i + 1) * 100) / rows,
    1 + (i % 3) / 10,
  ]);
}

function cases(
  allocation: Record<string, CustomFunction>,
  money: Record<string, CustomFunction>,
  rows: number
): LargeCase[] {
  const out: LargeCase[] = [];
  const n = (k: number) => k.toLocaleString("en");
  // Coefficients 1.0-3.0 in tenths, as an allocation sheet writes them.
  const coefficients = Array.from({ length: rows }, (_, i) => 1 + ((i * 7) % 21) / 10);
  const coefficientRange = coefficients.map((c) => [c]);
  out.push({
    name: `NTM.ALLOCATE (${n(rows)} × 1 coefficients)`,
    run: () => errorOf(() => allocation.allocate(ENVELOPE, coefficientRange, null, null, null)),
    check: (r) => checkSplit((r as { result?: unknown }).result ?? r, coefficients, ENVELOPE),
  });
  const wide = Array.from({ length: ISSUE_ROWS }, (_, i) =>
    Array.from({ length: 20 }, (_, j) => 1 + ((i + j) % 5))
  );
  out.push({
    name: `NTM.ALLOCATE (${n(ISSUE_ROWS)} × 20 cells: refused)`,
    run: () => errorOf(() => allocation.allocate(ENVELOPE, wide, null, null, null)),
    check: checkRefused,
  });
  const grid = communesRange(rows);
  const policy = (range: unknown[][], preset = "qd-07-2022") =>
    errorOf(() =>
      allocation.allocatePolicy(ENVELOPE, [[preset]], range, null, null, null, null, null)
    );
  const policyCase = (range: unknown[][], preset: string, what: string): LargeCase => {
    const coefficients = errorOf(() =>
      allocation.allocateCoefficient([[preset]], range, null, null)
    );
    return {
      name: `NTM.ALLOCATE_POLICY (${n(rows)} commune rows, ${what})`,
      run: () => policy(range, preset),
      check: (r) =>
        Array.isArray(coefficients.result)
          ? checkSplit(
              (r as { result?: unknown }).result ?? r,
              (coefficients.result as number[][]).map((c) => c[0]),
              ENVELOPE
            )
          : `coefficients: ${coefficients.message}`,
    };
  };
  /** ALLOCATE_RULE: one sentence per commune, whose last figure is the commune's ALLOCATE_COEFFICIENT. */
  const ruleCase = (range: unknown[][], preset: string, what: string): LargeCase => {
    const coefficients = errorOf(() =>
      allocation.allocateCoefficient([[preset]], range, null, null)
    );
    return {
      name: `NTM.ALLOCATE_RULE (${n(rows)} commune rows, ${what})`,
      run: () => errorOf(() => allocation.allocateRule([[preset]], range, null, null)),
      check: (r) => {
        const got = (r as { result?: unknown }).result;
        if (!Array.isArray(coefficients.result)) return `coefficients: ${coefficients.message}`;
        if (!Array.isArray(got)) return `no spill: ${(r as { message?: string }).message}`;
        const want = coefficients.result as number[][];
        if (got.length !== want.length) return `${got.length} rows for ${want.length}`;
        for (let i = 0; i < got.length; i++) {
          const figure = ruleFigure(String((got[i] as unknown[])[0]));
          if (Math.abs(figure - want[i][0]) > 1e-4 * Math.max(1, want[i][0]))
            return `row ${i + 1}: "${String((got[i] as unknown[])[0])}" for ${want[i][0]}`;
        }
        return null;
      },
    };
  };
  out.push(policyCase(grid, "qd-07-2022", "qd-07-2022"));
  out.push(policyCase(groupsRange(grid), "2026-2030", "2026-2030, Nhóm xã and commune types"));
  out.push(ruleCase(grid, "qd-07-2022", "qd-07-2022"));
  out.push(ruleCase(groupsRange(grid), "2026-2030", "2026-2030, Nhóm xã and commune types"));
  if (rows < ISSUE_ROWS) {
    const issueGrid = communesRange(ISSUE_ROWS);
    out.push({
      name: `NTM.ALLOCATE_POLICY (${n(ISSUE_ROWS)} commune rows: refused)`,
      run: () => policy(issueGrid),
      check: checkRefused,
    });
  }
  const brackets = bracketRows(rows);
  const at = Math.floor((50.0005 * rows) / 100);
  out.push({
    name: `NTM.MIN_RATIO (${n(rows)} bracket rows)`,
    run: () => errorOf(() => money.minRatio(50.0005, brackets)),
    check: (r) => {
      const got = (r as { result?: unknown }).result;
      const want = 1 + (at % 3) / 10;
      return got === want
        ? null
        : `got ${String(got ?? (r as { message?: string }).message)}, want ${want}`;
    },
  });
  if (rows < ISSUE_ROWS) {
    const issueBrackets = bracketRows(ISSUE_ROWS);
    out.push({
      name: `NTM.MIN_RATIO (${n(ISSUE_ROWS)} bracket rows: refused)`,
      run: () => errorOf(() => money.minRatio(50.0005, issueBrackets)),
      check: checkRefused,
    });
  }
  return out;
}

/** Runs the large cases and judges each against the slowest NTM.COUNT row already measured in this run. */
export async function benchLargeFunctions(
  report: Report,
  options: Options,
  countMs: number
): Promise<void> {
  const allocation = loadModule<Record<string, CustomFunction>>(MODULES.allocationFunctions);
  const money = loadModule<Record<string, CustomFunction>>(MODULES.moneyFunctions);
  if (!allocation?.allocate || !money?.minRatio) {
    report.note("NTM.ALLOCATE / NTM.MIN_RATIO are not in this build: large-range rows skipped");
    return;
  }
  const rows = options.quick ? 10_000 : FUNCTION_ROW_LIMIT;
  for (const c of cases(allocation, money, rows)) {
    const run = await timeRuns(Math.min(options.runs, 3), c.run);
    const wrong = c.check(run.last);
    const ms = run.timing.medianMs;
    const ratio = countMs > 0 ? ms / countMs : NaN;
    report.add({
      section: "functions",
      case: c.name,
      medianMs: ms,
      runs: run.timing.runs,
      detail: `${Number.isFinite(ratio) ? `${ratio.toFixed(2)}× NTM.COUNT` : "no NTM.COUNT row"}; ${wrong === null ? "answer checked" : `WRONG: ${wrong}`}`,
    });
    report.target({
      target: `${c.name} ≤ ${LARGE_TO_COUNT}× slowest NTM.COUNT over 10,000 cells, same run`,
      measured: Number.isFinite(ratio)
        ? `${ratio.toFixed(2)}× (${formatMs(ms)} / ${formatMs(countMs)})${wrong === null ? "" : "; WRONG answer"}`
        : "NTM.COUNT missing",
      pass:
        options.quick || !Number.isFinite(ratio) ? null : ratio <= LARGE_TO_COUNT && wrong === null,
    });
  }
}
