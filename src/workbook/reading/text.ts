// The "Đã đọc / Read" block every job's text ends with: per input, the sheet, rows used and skipped, columns used,
// unit, hidden parts and checks. Short: a few lines per input, details in --json `reading`.

import type { RowRole, TableReading } from "./types";
import { ROW_ROLE_WORDS } from "./words";

function skippedLine(r: TableReading): string | null {
  if (r.skipped.length === 0) return null;
  const byRole = new Map<RowRole, number[]>();
  for (const s of r.skipped) {
    const list = byRole.get(s.role) ?? [];
    list.push(s.row);
    byRole.set(s.role, list);
  }
  const parts = [...byRole.entries()].map(([role, rows]) => {
    const shown = rows.slice(0, 6).join(", ") + (rows.length > 6 ? ", …" : "");
    return `${ROW_ROLE_WORDS[role].vi} (${rows.length}: dòng ${shown})`;
  });
  return `  Bỏ qua / skipped: ${parts.join("; ")}`;
}

/** The text lines of the readings, after a "Đã đọc / Read" heading; empty when nothing was read from a table. */
export function readingText(readings: readonly TableReading[]): string[] {
  if (readings.length === 0) return [];
  const lines = ["", "Đã đọc / Read:"];
  for (const r of readings) {
    const unit = r.unit
      ? `; ĐVT ${r.unit.vi}${r.unit.assumed ? " (giả định / assumed)" : r.unit.cell ? ` (ô ${r.unit.cell})` : ""}`
      : "";
    lines.push(
      `- ${r.what.vi} / ${r.what.en}: trang '${r.sheet}', tiêu đề dòng ${r.headerRows[0] === r.headerRows[1] ? r.headerRows[0] : r.headerRows.join("-")}; ${r.used.count} dòng dữ liệu (${r.used.rows})${unit}`
    );
    const cols = r.columns
      .filter((c) => c.used)
      .map(
        (c) =>
          `${c.col} ${c.role}${c.criterion ? ` ${c.criterion}` : ""}${c.unit ? ` (${c.unit.vi})` : ""}`
      );
    if (cols.length > 0) {
      const shown = cols.length > 12 ? [...cols.slice(0, 12), `… +${cols.length - 12}`] : cols;
      lines.push(`  Cột / columns: ${shown.join(", ")}`);
    }
    const setAside = r.columns.filter((c) => !c.used);
    if (setAside.length > 0) {
      lines.push(
        `  Cột không dùng / columns not used: ${setAside.map((c) => `${c.col} "${c.header.slice(0, 40)}"${c.why ? ` (${c.why.vi})` : ""}`).join("; ")}`
      );
    }
    const skipped = skippedLine(r);
    if (skipped) lines.push(skipped);
    if (r.hidden.rows > 0 || r.hidden.columns.length > 0) {
      const cols = r.hidden.columns.map(
        (c) => `${c.col} ${c.used ? "dùng / used" : "bỏ / not used"}`
      );
      lines.push(
        `  Ẩn / hidden: ${r.hidden.rows} dòng ẩn hoặc lọc được tính / hidden or filtered rows counted${cols.length ? `; cột / columns ${cols.join(", ")}` : ""}`
      );
    }
    for (const c of r.checks.filter((c) => !c.ok).slice(0, 3))
      lines.push(`  Kiểm tra / check: ${c.vi}`);
    const ok = r.checks.filter((c) => c.ok).length;
    if (ok > 0) lines.push(`  Kiểm tra khớp / checks passed: ${ok}`);
  }
  return lines;
}
