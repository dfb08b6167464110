// The printed result: one row per measured case, then PASS/FAIL against the performance targets of issue #8.

import { formatMs } from "./measure";

export interface Row {
  section: string;
  case: string;
  /** Median wall time, or NaN when the row is not a timing (sizes, counts). */
  medianMs: number;
  /** Runs behind the median; 0 for a single measurement. */
  runs: number;
  /** What else was measured: status, gap, ratios, syncs, payload, sizes. */
  detail: string;
}

export interface TargetResult {
  target: string;
  measured: string;
  /** null when the target could not be measured in this run (reported as SKIP, never as PASS). */
  pass: boolean | null;
}

export class Report {
  readonly rows: Row[] = [];
  readonly targets: TargetResult[] = [];
  readonly notes: string[] = [];

  add(row: Row): void {
    this.rows.push(row);
    process.stdout.write(
      `  ${row.section} | ${row.case} | ${formatMs(row.medianMs)} | ${row.detail}\n`
    );
  }

  target(result: TargetResult): void {
    this.targets.push(result);
  }

  note(text: string): void {
    this.notes.push(text);
    process.stdout.write(`  note: ${text}\n`);
  }

  /** Markdown tables, so the output can be pasted into BENCHMARKS.md as it is. */
  render(): string {
    const lines: string[] = [];
    lines.push("| section | case | median | runs | detail |", "|---|---|---:|---:|---|");
    for (const r of this.rows) {
      lines.push(
        `| ${r.section} | ${r.case} | ${Number.isNaN(r.medianMs) ? "—" : formatMs(r.medianMs)} | ${r.runs || "—"} | ${r.detail} |`
      );
    }
    lines.push("", "| target | measured | result |", "|---|---|---|");
    for (const t of this.targets) {
      lines.push(
        `| ${t.target} | ${t.measured} | ${t.pass === null ? "SKIP" : t.pass ? "PASS" : "FAIL"} |`
      );
    }
    if (this.notes.length > 0) {
      lines.push("", "Notes:");
      for (const n of this.notes) lines.push(`- ${n}`);
    }
    return lines.join("\n");
  }
}
