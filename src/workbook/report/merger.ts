// The report's note on merged communes: which sheets were keyed by old communes and what they were rolled up into
// (from the `merger` part of the jobs' results), before the parts that use those figures.

import { mergerJson, type MergerJson } from "../results";
import type { ReportLang } from "./format";
import type { ReportBlock, ReportSection } from "./model";

export type MergerResult = MergerJson;

/** The roll-ups of every job, each sheet once (several jobs read the same status sheet). */
export function mergerOf(jobs: Partial<Record<string, unknown>>): MergerResult {
  const seen = new Set<string>();
  const out: MergerResult = [];
  for (const json of Object.values(jobs)) {
    const merger = (json as { merger?: unknown } | null | undefined)?.merger;
    if (merger === undefined) continue;
    const parsed = mergerJson.safeParse(merger);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`Report: a merger result has no ${issue.path.join(".")} (${issue.message})`);
    }
    for (const r of parsed.data) {
      const key = `${r.table}|${r.how}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(r);
    }
  }
  return out;
}

/** "Sáp nhập xã": one paragraph per sheet rolled up, one line per merged commune. */
export function mergerSection(merger: MergerResult, lang: ReportLang): ReportSection {
  const blocks: ReportBlock[] = [];
  for (const r of merger) {
    const how =
      r.how === "sum"
        ? lang === "vi"
          ? "số tiền của các xã cũ được cộng vào xã mới"
          : "the old communes' amounts are summed into the new commune"
        : lang === "vi"
          ? "tình trạng được giữ cho xã chỉ đổi tên, mã"
          : "statuses are kept for communes that only changed name or code";
    blocks.push({
      kind: "paragraph",
      text:
        lang === "vi"
          ? `Trang “${r.table}” ghi theo xã trước sáp nhập: ${r.oldCount} xã cũ gộp thành ${r.newCount} xã mới theo trang “${r.sheet}”; ${how}.`
          : `Sheet “${r.table}” lists communes before the merger: ${r.oldCount} old communes merged into ${r.newCount} new ones per sheet “${r.sheet}”; ${how}.`,
    });
    for (const c of r.communes) {
      blocks.push({
        kind: "bullet",
        text: `${c.name}${c.code ? ` (${c.code})` : ""} ← ${c.from.join(", ")}`,
      });
    }
  }
  return { heading: lang === "vi" ? "Sáp nhập xã" : "Merged communes", blocks };
}
