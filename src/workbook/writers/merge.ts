// Result of the "merge" job: what was merged into what, money and earlier statuses by merged commune (KQ_SapNhap).

import type { MergedCommune, MergedMoney, MergedStatus } from "../../engine/merge";
import type { SourceRef } from "../../engine/types";
import { FORMATS, moneyFormatFor, restsOn, type OutputSheet, type OutputTable } from "../output";

/** A name's input row in each table the merge read (see sourcesByName): what a row of the results rests on. */
export interface MergeSources {
  mapping: (name: string) => SourceRef | undefined;
  money?: (name: string) => SourceRef | undefined;
  status?: (name: string) => SourceRef | undefined;
}

const none = () => undefined;

export const MERGE_SHEET = "KQ_SapNhap";

export function mergeSheet(
  merged: MergedCommune[],
  money: { columns: string[]; rows: MergedMoney[] } | undefined,
  status: { communes: MergedStatus[] } | undefined,
  sources: MergeSources = { mapping: none }
): OutputSheet {
  const mapped = (m: MergedCommune) =>
    restsOn(
      [m.name, ...m.from.map((f) => f.name)].map((text) => ({
        text,
        source: sources.mapping(text),
      }))
    );
  const tables: OutputTable[] = [
    {
      name: "NTM_SapNhap",
      title: "Xã sau sáp nhập và các xã cũ (what was merged into what)",
      columns: [
        { header: "TT", format: FORMATS.count },
        { header: "Xã mới" },
        { header: "Mã xã mới", format: FORMATS.text },
        { header: "Ngày hiệu lực", format: FORMATS.text },
        { header: "Số xã cũ", format: FORMATS.count },
        { header: "Các xã cũ" },
        { header: "Mã các xã cũ", format: FORMATS.text },
      ],
      rows: merged.map((m, i) => [
        i + 1,
        m.name,
        m.code ?? "",
        m.date ?? "",
        m.from.length,
        m.from.map((f) => f.name).join(", "),
        m.from
          .map((f) => f.code ?? "")
          .filter((c) => c !== "")
          .join(", "),
      ]),
      // A row rests on the mapping rows of its merged commune (the one whose name the boundary changes, if any).
      sources: merged.map(mapped),
    },
  ];
  if (money) {
    const totals = money.columns.map((_, j) =>
      money.rows.some((r) => r.amounts[j] !== null)
        ? Math.round(money.rows.reduce((s, r) => s + (r.amounts[j] ?? 0), 0) * 1e6) / 1e6
        : null
    );
    tables.push({
      name: "NTM_SapNhap_KinhPhi",
      title: "Kinh phí theo xã mới, cộng từ các xã cũ (money by merged commune, triệu đồng)",
      columns: [
        { header: "Xã mới" },
        { header: "Mã xã mới", format: FORMATS.text },
        ...money.columns.map((c, j) => ({
          header: c,
          format: moneyFormatFor(money.rows.map((r) => r.amounts[j])),
        })),
        { header: "Cộng từ các xã cũ (from)" },
      ],
      rows: [
        ...money.rows.map((r) => [
          r.commune.name,
          r.commune.code ?? "",
          ...r.amounts,
          r.from.join(", "),
        ]),
        ["Tổng cộng (total)", "", ...totals, ""],
      ],
      sources: money.rows.map((r) =>
        restsOn([
          { text: r.commune.name, source: sources.mapping(r.commune.name) },
          ...r.from.map((text) => ({ text, source: (sources.money ?? none)(text) })),
        ])
      ),
    });
  }
  if (status) {
    tables.push({
      name: "NTM_SapNhap_TinhTrang",
      title:
        "Tình trạng trước sáp nhập theo xã mới (earlier status by merged commune; lịch sử, không phải đánh giá mới)",
      columns: [
        { header: "Xã mới" },
        { header: "Các xã cũ (số tiêu chí đạt)" },
        { header: "Số xã cũ đạt chuẩn", format: FORMATS.count },
        { header: "Số xã cũ", format: FORMATS.count },
        { header: "Tiêu chí các xã cũ đều đạt", format: FORMATS.text },
      ],
      rows: status.communes.map((s) => [
        s.commune.name,
        s.parts.map((p) => `${p.name} (${p.count})`).join(", "),
        s.standardParts,
        s.parts.length,
        s.metByAll === null ? "-" : s.metByAll.join(","),
      ]),
      sources: status.communes.map((s) =>
        restsOn([
          { text: s.commune.name, source: sources.mapping(s.commune.name) },
          ...s.parts.map((p) => ({ text: p.name, source: (sources.status ?? none)(p.name) })),
        ])
      ),
    });
  }
  return { sheet: MERGE_SHEET, tables };
}
