// Collecting the communes' own reports into one province status table: each file read alone (a bad one never stops
// the others), files of another period or year than the majority left out, one commune in two files kept once when
// its values agree and left out when they differ, communes missing against a master list named.

import { CommuneIndex, findCommune, type CommuneRef } from "../../engine/commune-identity";
import { isMarkMet } from "../../engine/criteria/marks";
import { isInputError, type Bilingual } from "../../engine/errors";
import { parseNumberText } from "../../engine/numbers";
import type { Catalogue, Warning } from "../../engine/types";
import type { CellValue } from "../grid";
import { sourceWords } from "../output-text";
import type { WorkbookPort } from "../port";
import type { TableReading } from "../reading/types";
import { readReport, type ReportedCommune, type ReportFile, type ValueSource } from "./read-report";

export interface CollectSource {
  /** The file as the user named it, for every message. */
  file: string;
  open(): Promise<WorkbookPort>;
}

export interface MasterCommune extends CommuneRef {
  sheet: string;
  cell: string;
}

export interface CollectOptions {
  /** The 2026-2030 catalogue with the province's policy, to read status tables holding indicator values. */
  policy?: Catalogue;
  /** The master list of the province's communes, when given. */
  master?: { file: string; communes: MasterCommune[] };
  onProgress?: (done: number, total: number, file: string) => void;
  signal?: AbortSignal;
}

export type ProblemKind =
  | "unreadable"
  | "period"
  | "year"
  | "conflict"
  | "ambiguous"
  | "no-group"
  | "no-indicators"
  | "missing"
  | "not-on-list";

/** One thing not collected (or to look at), for the "Cần xử lý" sheet. */
export interface CollectProblem extends Bilingual {
  kind: ProblemKind;
  file?: string;
  sheet?: string;
  cell?: string;
  commune?: string;
  /** Where the commune's name was read, when not at `file`, `sheet`, `cell` (a conflict names the differing value's cell). */
  communeAt?: { file: string; sheet: string; cell: string };
  /**
   * A conflict's two values as each report gives them, in the order read, each with its file, sheet and cell (`file`,
   * `sheet`, `cell` above are the second's).
   */
  values?: { value: string; file: string; sheet: string; cell: string }[];
}

export interface FileOutcome {
  file: string;
  outcome: "collected" | "left-out" | "unreadable";
  kind?: ReportFile["kind"];
  sheet?: string;
  period?: string;
  year?: number;
  communes: number;
  reason?: Bilingual;
  reading: TableReading[];
  warnings: Warning[];
}

/** A commune of the province table, with the file its values came from. */
export interface CollectedCommune extends ReportedCommune {
  file: string;
  /** Other files that gave the same values (kept once). */
  alsoIn: string[];
}

export interface Collection {
  period: string;
  /** Communes read from the reports but not in the table (conflicts, names that cannot be told apart, no group or
   * no indicator values, files of another period or year), and communes of the master list with no report. */
  leftOut: number;
  /** The status year of the reports, when they state one. */
  year?: number;
  communes: CollectedCommune[];
  problems: CollectProblem[];
  files: FileOutcome[];
}

/** Thrown when the run is cancelled: nothing is written. */
export class CollectCancelled extends Error {
  constructor() {
    super("Đã dừng theo yêu cầu, không ghi gì / Stopped on request, nothing written");
  }
}

/** The most frequent value; ties go to the later one in sort order (the newer period or year). */
function majority<T extends string | number>(values: T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | undefined;
  for (const [v, n] of counts) {
    const b = best === undefined ? 0 : counts.get(best)!;
    if (n > b || (n === b && best !== undefined && v > best)) best = v;
  }
  return best;
}

/** A value as compared between two reports: numbers as numbers ("85%" is 85), marks as met/not met, blank as null. */
function comparable(value: CellValue | undefined): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") {
    const t = value.trim();
    if (t === "") return null;
    const n = parseNumberText(t);
    if (n) return n.percent ? Math.round(n.value * 100 * 1e9) / 1e9 : n.value;
    try {
      return isMarkMet(t);
    } catch {
      return t;
    }
  }
  return String(value);
}

/** The values two reports of one commune must agree on, by key ("group", "2.1", "criteria"). */
function values(c: ReportedCommune): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (c.group !== undefined) out.set("group", c.group);
  if (c.tier !== undefined) out.set("tier", c.tier);
  if (c.indicators) for (const [k, v] of Object.entries(c.indicators)) out.set(k, comparable(v));
  if (c.achieved !== undefined || c.count !== undefined)
    out.set("criteria", c.achieved ? c.achieved.join(",") : `count ${c.count}`);
  return out;
}

/** The first value two reports give differently, or null when they agree. */
function firstDifference(a: ReportedCommune, b: ReportedCommune): string | null {
  const va = values(a);
  const vb = values(b);
  for (const key of new Set([...va.keys(), ...vb.keys()])) {
    if (JSON.stringify(va.get(key) ?? null) !== JSON.stringify(vb.get(key) ?? null)) return key;
  }
  if (a.code && b.code && a.code.replace(/^0+/, "") !== b.code.replace(/^0+/, "")) return "code";
  return null;
}

/** Where a value of a commune was read: its own cell, else its row's name cell. */
export function cellOf(c: ReportedCommune, key: string): ValueSource {
  if (key === "criteria") {
    const tc = Object.keys(c.cells).find((k) => /^TC\d+$/.test(k));
    return c.cells.criteria ?? (tc ? c.cells[tc] : c.cells.name);
  }
  return c.cells[key] ?? c.cells.name;
}

/** A report's cell as every message names it: "Tệp a.xlsx, Ô Báo cáo!C10" / "File a.xlsx, cell Báo cáo!C10". */
const place = (file: string, at: ValueSource): Bilingual => sourceWords({ file, ...at });

function describeValue(c: ReportedCommune, key: string): string {
  if (key === "criteria") return c.achieved ? `[${c.achieved.join(",")}]` : `${c.count}`;
  if (key === "group") return String(c.group ?? "");
  if (key === "tier") return String(c.tier ?? "");
  if (key === "code") return c.code ?? "";
  const v = c.indicators?.[key];
  return v === null || v === undefined ? "(trống/blank)" : String(v);
}

function keyLabel(key: string): Bilingual {
  if (key === "criteria") return { vi: "tiêu chí đạt", en: "criteria met" };
  if (key === "group") return { vi: "nhóm xã", en: "commune group" };
  if (key === "tier") return { vi: "trạng thái", en: "status" };
  if (key === "code") return { vi: "mã xã", en: "commune code" };
  return { vi: `chỉ tiêu ${key}`, en: `indicator ${key}` };
}

const COMMUNE_LEFT_OUT: ProblemKind[] = ["conflict", "no-group", "no-indicators", "missing"];

/** Communes not in the table, each counted once however many lines of "Cần xử lý" name it. */
function countLeftOut(
  problems: CollectProblem[],
  reports: { report: ReportFile; outcome: FileOutcome }[],
  collected: CollectedCommune[]
): number {
  const key = (name: string) =>
    name.normalize("NFC").toLocaleLowerCase("vi").replace(/\s+/g, " ").trim();
  // A master-list line for a commune whose reports disagree (or whose file was left out) names one counted already.
  const named = new Set<string>();
  for (const r of reports)
    if (r.outcome.outcome === "left-out") for (const c of r.report.communes) named.add(key(c.name));
  for (const p of problems)
    if (COMMUNE_LEFT_OUT.includes(p.kind) && p.commune !== undefined) named.add(key(p.commune));
  // A commune of a file left out that another file brought into the table is not left out.
  for (const c of collected) named.delete(key(c.name));
  // A commune whose name matches several in the table is one more, though its name is theirs.
  return named.size + problems.filter((p) => p.kind === "ambiguous").length;
}

/** Reads every source and combines them (see the module's first line). Throws CollectCancelled when aborted. */
export async function collectReports(
  sources: CollectSource[],
  options: CollectOptions = {}
): Promise<Collection> {
  const problems: CollectProblem[] = [];
  const files: FileOutcome[] = [];
  const reports: { file: string; report: ReportFile; outcome: FileOutcome }[] = [];
  for (let i = 0; i < sources.length; i++) {
    if (options.signal?.aborted) throw new CollectCancelled();
    const { file } = sources[i];
    try {
      const report = await readReport(await sources[i].open(), { policy: options.policy });
      const outcome: FileOutcome = {
        file,
        outcome: "collected",
        kind: report.kind,
        sheet: report.sheet,
        period: report.period,
        ...(report.year ? { year: report.year.value } : {}),
        communes: report.communes.length,
        reading: report.reading,
        warnings: report.warnings,
      };
      files.push(outcome);
      reports.push({ file, report, outcome });
    } catch (e) {
      // An input error's message is already in both languages.
      const reason: Bilingual = isInputError(e)
        ? { vi: e.message, en: e.message }
        : {
            vi: `không đọc được tệp (${e instanceof Error ? e.message : String(e)})`,
            en: `the file cannot be read (${e instanceof Error ? e.message : String(e)})`,
          };
      const details = isInputError(e) ? e.details : undefined;
      files.push({ file, outcome: "unreadable", communes: 0, reason, reading: [], warnings: [] });
      problems.push({
        kind: "unreadable",
        file,
        ...(details?.sheet ? { sheet: details.sheet } : {}),
        ...(details?.cell ? { cell: details.cell } : {}),
        vi: `Không đọc được / Cannot be read: ${reason.vi}`,
        en: `Không đọc được / Cannot be read: ${reason.en}`,
      });
    }
    options.onProgress?.(i + 1, sources.length, file);
  }
  if (options.signal?.aborted) throw new CollectCancelled();

  const period = majority(reports.map((r) => r.report.period)) ?? "2026-2030";
  const leaveOut = (
    r: (typeof reports)[number],
    kind: ProblemKind,
    why: Bilingual,
    cell?: string
  ) => {
    r.outcome.outcome = "left-out";
    r.outcome.reason = why;
    problems.push({
      kind,
      file: r.file,
      sheet: r.report.sheet,
      ...(cell ? { cell } : {}),
      vi: `Tệp không được tổng hợp: ${why.vi}`,
      en: `File not collected: ${why.en}`,
    });
  };
  const samePeriod = reports.filter((r) => {
    if (r.report.period === period) return true;
    leaveOut(
      r,
      "period",
      {
        vi: `giai đoạn ${r.report.period} (theo ${r.report.periodFrom.vi}) khác giai đoạn của đa số báo cáo (${period})`,
        en: `period ${r.report.period} (from ${r.report.periodFrom.en}) differs from the majority's (${period})`,
      },
      r.report.year?.cell
    );
    return false;
  });
  const years = samePeriod.flatMap((r) => (r.report.year ? [r.report.year.value] : []));
  const year = majority(years);
  const kept = samePeriod.filter((r) => {
    const y = r.report.year;
    if (!y || y.value === year) return true;
    leaveOut(
      r,
      "year",
      {
        vi: `năm ${y.value} (ô ${y.cell}) khác năm của đa số báo cáo (${year})`,
        en: `year ${y.value} (cell ${y.cell}) differs from the majority's (${year})`,
      },
      y.cell
    );
    return false;
  });

  const byIndicator = period === "2026-2030";
  let communes: CollectedCommune[] = [];
  // The communes read so far, indexed as they come: each report's commune is a lookup, not a scan of the table.
  const index = new CommuneIndex<CollectedCommune>([]);
  const conflicts = new Map<CollectedCommune, CollectProblem[]>();
  for (const { file, report } of kept) {
    for (const c of report.communes) {
      const at = place(file, cellOf(c, "name"));
      if (byIndicator && c.group === undefined) {
        problems.push({
          kind: "no-group",
          file,
          ...cellOf(c, "name"),
          commune: c.name,
          vi: `${c.name} (${at.vi}) không ghi nhóm xã (1, 2 hoặc 3): không tổng hợp`,
          en: `${c.name} (${at.en}) states no commune group (1, 2 or 3): not collected`,
        });
        continue;
      }
      if (byIndicator && !c.indicators) {
        problems.push({
          kind: "no-indicators",
          file,
          ...cellOf(c, "name"),
          commune: c.name,
          vi: `${c.name} (${at.vi}) chỉ có tiêu chí, không có giá trị từng chỉ tiêu: cần biểu theo chỉ tiêu`,
          en: `${c.name} (${at.en}) gives criteria only, no value per indicator: the form by indicator is needed`,
        });
        continue;
      }
      const match = index.find(c);
      if (match.kind === "ambiguous") {
        problems.push({
          kind: "ambiguous",
          file,
          ...cellOf(c, "name"),
          commune: c.name,
          vi: `${c.name} (${at.vi}) trùng tên với ${match.communes.length} xã đã có (${match.communes.map((m) => m.file).join(", ")}): ghi mã xã để phân biệt`,
          en: `${c.name} (${at.en}) shares its name with ${match.communes.length} communes already read (${match.communes.map((m) => m.file).join(", ")}): give the Mã xã to tell them apart`,
        });
        continue;
      }
      if (match.kind === "missing") {
        const added: CollectedCommune = { ...c, file, alsoIn: [] };
        communes.push(added);
        index.add(added);
        continue;
      }
      const first = match.commune;
      const key = firstDifference(first, c);
      if (key === null) {
        first.alsoIn.push(file);
        if (!first.code && c.code) {
          index.update(first, () => {
            [first.code, first.cells.code] = [c.code, c.cells.code];
          });
        }
        continue;
      }
      const label = keyLabel(key);
      const list = conflicts.get(first) ?? [];
      // Each value at its own report's cell: the first report's where it was read, this one's here.
      const values = [
        { value: describeValue(first, key), file: first.file, ...cellOf(first, key) },
        { value: describeValue(c, key), file, ...cellOf(c, key) },
      ];
      const [one, two] = values.map((v) => ({ ...v, at: place(v.file, v) }));
      list.push({
        kind: "conflict",
        file,
        ...cellOf(c, key),
        commune: first.name,
        communeAt: { file: first.file, ...cellOf(first, "name") },
        values,
        vi: `${first.name}: ${label.vi} khác nhau giữa hai báo cáo — ${one.value} ở ${one.at.vi}; ${two.value} ở ${two.at.vi}: xã không được tổng hợp`,
        en: `${first.name}: ${label.en} differs between two reports — ${one.value} in ${one.at.en}; ${two.value} in ${two.at.en}: the commune is left out`,
      });
      conflicts.set(first, list);
    }
  }
  if (conflicts.size > 0) communes = communes.filter((c) => !conflicts.has(c));
  for (const list of conflicts.values()) for (const p of list) problems.push(p);

  if (options.master) {
    const collected = new CommuneIndex(communes);
    const master = new CommuneIndex(options.master.communes);
    for (const m of options.master.communes) {
      if (collected.find(m).kind === "found") continue;
      const left = [...conflicts.keys()].some((c) => findCommune([c], m).kind === "found");
      problems.push({
        kind: "missing",
        file: options.master.file,
        sheet: m.sheet,
        cell: m.cell,
        commune: m.name,
        vi: left
          ? `${m.name} (danh sách, ô ${m.cell}) có báo cáo nhưng không được tổng hợp (xem các dòng trên)`
          : `${m.name} (danh sách, ô ${m.cell}) chưa có báo cáo`,
        en: left
          ? `${m.name} (master list, cell ${m.cell}) has reports but is left out (see the lines above)`
          : `${m.name} (master list, cell ${m.cell}) has no report`,
      });
    }
    for (const c of communes) {
      if (master.find(c).kind === "found") continue;
      problems.push({
        kind: "not-on-list",
        file: c.file,
        ...cellOf(c, "name"),
        commune: c.name,
        vi: `${c.name} (${place(c.file, cellOf(c, "name")).vi}) không có trong danh sách xã; vẫn được tổng hợp, hãy kiểm tra tên hoặc mã xã`,
        en: `${c.name} (${place(c.file, cellOf(c, "name")).en}) is not on the master list; collected all the same, check its name or code`,
      });
    }
  }
  // Each file's communes in the table: those it brought, or agreed with (a name a file gave).
  const inTable = new Set<string>();
  for (const k of communes)
    for (const f of [k.file, ...k.alsoIn]) inTable.add(`${f}\u0000${k.name}`);
  for (const r of kept) {
    r.outcome.communes = r.report.communes.filter((c) =>
      inTable.has(`${r.file}\u0000${c.name}`)
    ).length;
  }
  return {
    period,
    ...(year !== undefined ? { year } : {}),
    leftOut: countLeftOut(problems, reports, communes),
    communes,
    problems,
    files,
  };
}
