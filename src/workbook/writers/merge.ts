// Result of the "merge" job: what was merged into what, money and earlier statuses by merged commune (KQ_SapNhap).

import type { MergedCommune, MergedMoney, MergedStatus } from "../../engine/merge";
import { FORMATS, moneyFormatFor, type OutputSheet, type OutputTable } from "../output";

export const MERGE_SHEET = "KQ_SapNhap";

export function mergeSheet(
  merged: MergedCommune[],
  money: { columns: string[]; rows: MergedMoney[] } | undefined,
  status: { communes: MergedStatus[] } | undefined
): OutputSheet {
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
    });
  }
  return { sheet: MERGE_SHEET, tables };
}
