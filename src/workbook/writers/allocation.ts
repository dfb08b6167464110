// The allocation by policy as result tables: one row per commune with its coefficient, the rule that gave it and
// the arithmetic of its amount (and the province's top-up beside it), totals by group and by type, and the
// policy's rules with their sources.

import {
  MODE_WORDS,
  typeLabel,
  type AllocationPolicy,
  type AllocationSummaryRow,
  type PolicyAllocationResult,
} from "../../engine/allocation";
import { cellRef, type CellValue } from "../grid";
import {
  coefficientFormatFor,
  FORMATS,
  moneyFormatFor,
  type OutputColumn,
  type OutputSheet,
  type OutputTable,
} from "../output";

export const ALLOCATION_SHEET = "KQ_PhanBo";

interface Split {
  central: PolicyAllocationResult;
  topUp?: PolicyAllocationResult;
  byGroup: AllocationSummaryRow[];
  byType: AllocationSummaryRow[];
}

/** Money rounded to the unit (1, 10, 100 or a fraction such as 0,5): in the unit's decimals. */
function moneyFormat(unit: number): string {
  return moneyFormatFor([unit]);
}

function policyName(policy: AllocationPolicy): string {
  return policy.preset
    ? `${policy.id} — ${policy.title.vi} (mẫu, cần đối chiếu văn bản hiện hành)`
    : `trang '${policy.id}'`;
}

function communesTable(split: Split): OutputTable {
  const { central, topUp } = split;
  const money = moneyFormat(central.unit);
  const columns: OutputColumn[] = [
    { header: "TT", format: FORMATS.count },
    { header: "Xã" },
    { header: "Nhóm xã", format: FORMATS.count },
    { header: "Loại xã" },
    { header: "Số tiêu chí đạt", format: FORMATS.count },
    {
      header: "Hệ số",
      format: coefficientFormatFor(central.allocations.map((a) => a.coefficient)),
    },
    { header: "Quy tắc áp dụng" },
    { header: "Tỷ trọng", format: FORMATS.share },
    { header: "Số vốn phân bổ (triệu đồng)", format: money },
    { header: "Cách tính" },
  ];
  if (topUp) {
    columns.push(
      {
        header: "Hệ số (vốn tỉnh)",
        format: coefficientFormatFor(topUp.allocations.map((a) => a.coefficient)),
      },
      { header: "Quy tắc (vốn tỉnh)" },
      { header: "Vốn tỉnh bổ sung (triệu đồng)", format: money },
      { header: "Cách tính (vốn tỉnh)" },
      { header: "Tổng cộng (triệu đồng)", format: money }
    );
  }
  const rows: CellValue[][] = central.allocations.map((a, i) => {
    const row: CellValue[] = [
      i + 1,
      a.unit,
      a.attributes.group ?? null,
      typeLabel(a.attributes),
      a.attributes.criteriaMet ?? null,
      a.coefficient,
      a.rule,
      a.displayedShare,
      a.amount,
      a.explanation,
    ];
    if (topUp) {
      const t = topUp.allocations[i];
      row.push(t.coefficient, t.rule, t.amount, t.explanation, a.amount + t.amount);
    }
    return row;
  });
  const total: CellValue[] = [
    null,
    "Tổng cộng",
    null,
    null,
    null,
    central.weightTotal,
    null,
    central.weightTotal > 0 ? 1 : 0,
    central.total,
    null,
  ];
  if (topUp) total.push(topUp.weightTotal, null, topUp.total, null, central.total + topUp.total);
  rows.push(total);
  const title =
    `Phân bổ ${central.total.toLocaleString("vi-VN")} triệu đồng theo ${policyName(central.policy)}` +
    (topUp
      ? `; vốn tỉnh ${topUp.total.toLocaleString("vi-VN")} triệu đồng theo ${policyName(topUp.policy)}`
      : "") +
    ` (làm tròn đến ${central.unit} triệu đồng; tỷ trọng làm tròn 2 chữ số, cộng đúng 100%) / Allocation by policy`;
  const sources = central.allocations.map((a) => a.attributes.source);
  return { name: "NTM_PhanBo", title, columns, rows, sources };
}

function summaryTable(name: string, title: string, rows: AllocationSummaryRow[], unit: number) {
  const body: CellValue[][] = rows.map((r) => [r.label, r.communes, r.coefficient, r.amount]);
  body.push([
    "Tổng cộng",
    rows.reduce((s, r) => s + r.communes, 0),
    rows.reduce((s, r) => s + r.coefficient, 0),
    rows.reduce((s, r) => s + r.amount, 0),
  ]);
  return {
    name,
    title,
    columns: [
      { header: "Nhóm" },
      { header: "Số xã", format: FORMATS.count },
      {
        header: "Tổng hệ số, vốn trung ương",
        format: coefficientFormatFor(body.map((r) => r[2])),
      },
      { header: "Số vốn phân bổ (triệu đồng)", format: moneyFormat(unit) },
    ],
    rows: body,
  };
}

function rulesTable(name: string, policy: AllocationPolicy, role: string): OutputTable {
  return {
    name,
    title: `${role}: ${policyName(policy)} / Policy rules`,
    columns: [
      { header: "Dòng", format: FORMATS.count },
      { header: "Điều kiện" },
      { header: "Hệ số", format: coefficientFormatFor(policy.rules.map((r) => r.coefficient)) },
      { header: "Cách tính" },
      { header: "Căn cứ" },
      { header: "Ghi chú" },
    ],
    rows: policy.rules.map((r) => [
      r.origin ? cellRef(r.origin.sheet, r.origin.cell) : r.row,
      r.label,
      r.coefficient,
      MODE_WORDS[r.mode],
      r.source ?? null,
      r.note ?? null,
    ]),
  };
}

export function allocationPolicySheet(split: Split): OutputSheet {
  return {
    sheet: ALLOCATION_SHEET,
    tables: [
      communesTable(split),
      summaryTable(
        "NTM_PhanBo_Nhom",
        "Theo nhóm xã (vốn trung ương và vốn tỉnh) / By commune group",
        split.byGroup,
        split.central.unit
      ),
      summaryTable(
        "NTM_PhanBo_Loai",
        "Theo loại xã (vốn trung ương và vốn tỉnh) / By commune type",
        split.byType,
        split.central.unit
      ),
      rulesTable("NTM_PhanBo_ChinhSach", split.central.policy, "Chính sách vốn trung ương"),
      ...(split.topUp
        ? [rulesTable("NTM_PhanBo_ChinhSachTinh", split.topUp.policy, "Chính sách vốn tỉnh")]
        : []),
    ],
  };
}
