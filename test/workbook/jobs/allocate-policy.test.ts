import { presetPolicy, evaluatePolicy } from "../../../src/engine/allocation";
import { InputError } from "../../../src/engine/errors";
import { MemoryWorkbook } from "../../../src/workbook/adapters/memory";
import type { CellValue } from "../../../src/workbook/grid";
import { allocateJob } from "../../../src/workbook/jobs/allocate";
import { readAllocationPolicy } from "../../../src/workbook/readers/allocation-policy";
import { readAllocationCommunes } from "../../../src/workbook/readers/commune-attributes";
import { CATALOGUE_2021_2025 } from "../../../src/engine/catalogues";
import { templateSheet } from "../../../src/workbook/templates";

const COMMUNES_2021: CellValue[][] = [
  ["Danh sách xã 2021-2025"],
  ["TT", "Tên xã", "Số tiêu chí đạt", "Trạng thái", "ATK", "Đăng ký đạt chuẩn"],
  [1, "Thanh Thới An", 16, "chưa đạt", null, 2025],
  [2, "Phong Nẫm", 12, "chưa đạt", "x", null],
  [3, "Xuân Hòa", 16, "chưa đạt", "x", null],
  [4, "An Mỹ", 19, "nâng cao", null, null],
];

const COMMUNES_2026: CellValue[][] = [
  ["TT", "Tên xã", "Nhóm xã", "Số tiêu chí đạt", "Khu vực", "ATK", "Biên giới", "Số thôn ĐBKK"],
  [1, "Kế Sách", 2, 8, null, null, null, null],
  [2, "Đại Hải", 2, 6, "I", null, null, 1],
  [3, "Cù Lao Dung", 3, 5, "III", null, null, 3],
  [4, "Vĩnh Hải", 1, 7, null, null, "x", null],
];

const PROVINCE_POLICY: CellValue[][] = [
  ["Chính sách phân bổ vốn tỉnh (Nghị quyết HĐND tỉnh, thử)"],
  ["Điều kiện", "Hệ số", "Cách tính", "Căn cứ"],
  ["Các xã còn lại", 1, "Cao nhất", "NQ HĐND"],
  ["Nhóm 3", 2, "Cao nhất", "NQ HĐND"],
  ["Mỗi thôn ĐBKK", 0.5, "Cộng thêm", "NQ HĐND"],
];

type Row = { unit: string; coefficient: number; amount: number; rule: string };

async function run(
  sheets: Record<string, CellValue[][]>,
  options: Record<string, string | number>
) {
  const book = new MemoryWorkbook(sheets);
  const result = await allocateJob.run({
    inputs: { communes: { workbook: book } },
    options,
  });
  return { book, result, rows: result.json.allocations as Row[] };
}

describe("allocate by policy", () => {
  it("2021-2025 sheet with the QĐ 07/2022 preset: per-commune coefficient, rule in words, exact sum", async () => {
    const { result, rows } = await run(
      { Xã: COMMUNES_2021 },
      { total: 1000, policy: "qd-07-2022" }
    );
    // Σ = 3 + 5 + 5 + 1 = 14: 214,29 / 357,14 / 357,14 / 71,43 → 214 / 357 / 357 / 72 (largest remainder .43).
    expect(rows.map((r) => [r.unit, r.coefficient, r.amount, r.rule])).toEqual([
      ["Thanh Thới An", 3, 214, "Từ 15 tiêu chí trở lên và chưa đạt chuẩn → 3"],
      ["Phong Nẫm", 5, 357, "Dưới 15 tiêu chí → 5"],
      ["Xuân Hòa", 5, 357, "ATK và chưa đạt chuẩn → 5"],
      ["An Mỹ", 1, 72, "Đã đạt chuẩn → 1"],
    ]);
    expect(rows.reduce((s, r) => s + r.amount, 0)).toBe(1000);
    expect(result.json.policy).toMatchObject({ id: "qd-07-2022", preset: true });
    expect(result.warnings[0].vi).toContain("qd-07-2022");
    expect(result.warnings[0].en).toContain("Check against the text in force");
    const table = result.sheets[0].tables[0];
    expect(table.title).toContain("cần đối chiếu văn bản hiện hành");
    expect(table.rows[0]).toContain("Từ 15 tiêu chí trở lên và chưa đạt chuẩn → 3");
    expect(table.rows[0]).toContain("3 ÷ 14 × 1.000 = 214,29 → 214");
    expect(result.sheets[0].tables.map((t) => t.name)).toEqual([
      "NTM_PhanBo",
      "NTM_PhanBo_Nhom",
      "NTM_PhanBo_Loai",
      "NTM_PhanBo_ChinhSach",
    ]);
  });

  it("a 'registered' rule needs the year and then applies to the communes registered for it", async () => {
    const policy: CellValue[][] = [
      ["Điều kiện", "Hệ số", "Cách tính"],
      ["Chưa đạt chuẩn", 1, "Cao nhất"],
      ["Đăng ký đạt chuẩn", 2, "Cộng thêm"],
    ];
    await expect(
      run({ Xã: COMMUNES_2021, CS: policy }, { total: 100, policy: "CS" })
    ).rejects.toThrow(/year/);
    const { rows } = await run(
      { Xã: COMMUNES_2021, CS: policy },
      { total: 100, policy: "CS", year: 2025 }
    );
    expect(rows[0]).toMatchObject({
      coefficient: 3,
      rule: "Chưa đạt chuẩn → 1 + Đăng ký đạt chuẩn → 2 = 3",
    });
    expect(rows[3]).toMatchObject({ coefficient: 0, amount: 0 });
  });

  it("reads the registration year under an English header as the commune reader does ('Registered year')", async () => {
    const policy: CellValue[][] = [
      ["Điều kiện", "Hệ số", "Cách tính"],
      ["Chưa đạt chuẩn", 1, "Cao nhất"],
      ["Đăng ký đạt chuẩn", 2, "Cộng thêm"],
    ];
    const english = COMMUNES_2021.map((row, i) =>
      i === 1 ? row.map((h) => (h === "Đăng ký đạt chuẩn" ? "Registered year" : h)) : row
    );
    const { result, rows } = await run(
      { Xã: english, CS: policy },
      { total: 100, policy: "CS", year: 2025 }
    );
    expect(rows[0]).toMatchObject({
      coefficient: 3,
      rule: "Chưa đạt chuẩn → 1 + Đăng ký đạt chuẩn → 2 = 3",
    });
    // The column is read and the rule applied: no warning may say the sheet lacks it.
    expect(result.warnings.map((w) => w.en).join("\n")).not.toMatch(/regist/i);
  });

  it("2026-2030 sheet: the 2026-2030 preset for the central envelope and the province's own sheet for its top-up", async () => {
    const { result, rows } = await run(
      { Xã: COMMUNES_2026, "CS tỉnh": PROVINCE_POLICY },
      { total: 10000, unit: 10, policy: "2026-2030", "top-up": 1000, "top-up-policy": "cs tỉnh" }
    );
    expect(rows.map((r) => [r.unit, r.coefficient, r.rule])).toEqual([
      ["Kế Sách", 25, "Các xã còn lại → 25"],
      ["Đại Hải", 31, "Khu vực I → 30 + Mỗi thôn ĐBKK: 1 × 1 → 1 = 31"],
      ["Cù Lao Dung", 53, "Khu vực III → 50 + Mỗi thôn ĐBKK: 3 × 1 → 3 = 53"],
      ["Vĩnh Hải", 50, "Biên giới → 50"],
    ]);
    const full = result.json.allocations as (Row & {
      topUp: Row;
      combined: number;
    })[];
    expect(full.map((r) => r.topUp.rule)).toEqual([
      "Các xã còn lại → 1",
      "Các xã còn lại → 1 + Mỗi thôn ĐBKK: 1 × 0,5 → 0,5 = 1,5",
      "Nhóm 3 → 2 + Mỗi thôn ĐBKK: 3 × 0,5 → 1,5 = 3,5",
      "Các xã còn lại → 1",
    ]);
    expect(full.reduce((s, r) => s + r.amount, 0)).toBe(10000);
    expect(full.reduce((s, r) => s + r.topUp.amount, 0)).toBe(1000);
    for (const r of full) expect(r.combined).toBe(r.amount + r.topUp.amount);
    const summaries = result.json.summaries as {
      byGroup: { label: string; amount: number }[];
      byType: { label: string; amount: number }[];
    };
    expect(summaries.byGroup.map((g) => g.label)).toEqual(["Nhóm 2", "Nhóm 3", "Nhóm 1"]);
    expect(summaries.byGroup.reduce((s, g) => s + g.amount, 0)).toBe(11000);
    expect(summaries.byType.reduce((s, g) => s + g.amount, 0)).toBe(11000);
    // The province's policy is named by its sheet and its rules are listed with their cells.
    const rulesTable = result.sheets[0].tables.find((t) => t.name === "NTM_PhanBo_ChinhSachTinh")!;
    expect(rulesTable.rows[0][0]).toBe("CS tỉnh!A3");
    // One warning for the preset (the central envelope), none for the user's own sheet.
    expect(result.warnings.filter((w) => /mẫu/.test(w.vi))).toHaveLength(1);
    // Rules whose column the sheet lacks (Hải đảo, Đặc khu) are named, not silently dropped.
    expect(result.warnings.map((w) => w.en).join("\n")).toMatch(
      /no island commune column: rule "Hải đảo"/
    );
  });

  it("refuses a commune sheet that has none of the columns a policy reads", async () => {
    const sheet: CellValue[][] = [
      ["Tên xã", "Nhóm xã", "Số tiêu chí đạt"],
      ["Kế Sách", 2, 8],
    ];
    await expect(run({ Xã: sheet }, { total: 100, policy: "2026-2030" })).rejects.toThrow(
      /khu vực \(I\/II\/III\)/
    );
  });

  it("names the cell of an unknown condition or a missing mode in a policy sheet", async () => {
    const bad = (rows: CellValue[][]) =>
      run(
        { Xã: COMMUNES_2026, CS: [["Điều kiện", "Hệ số", "Cách tính"], ...rows] },
        { total: 100, policy: "CS" }
      );
    const e1 = await bad([["Xã vùng sâu", 2, "Cao nhất"]]).catch((e) => e);
    expect(e1).toBeInstanceOf(InputError);
    expect(e1.details).toMatchObject({ sheet: "CS", cell: "A2", found: "Xã vùng sâu" });
    const e2 = await bad([["Khu vực III", 2, ""]]).catch((e) => e);
    expect(e2.details).toMatchObject({ sheet: "CS", cell: "C2" });
    const e3 = await bad([["Khu vực III", "năm mươi", "Cao nhất"]]).catch((e) => e);
    expect(e3.details).toMatchObject({ sheet: "CS", cell: "B2" });
  });

  it("names the presets and the sheets when the policy is neither", async () => {
    await expect(run({ Xã: COMMUNES_2026 }, { total: 100, policy: "qd-99" })).rejects.toThrow(
      /qd-07-2022, 2026-2030.*Xã/
    );
  });

  it("asks for a top-up and its policy together", async () => {
    await expect(
      run({ Xã: COMMUNES_2026 }, { total: 100, policy: "2026-2030", "top-up": 50 })
    ).rejects.toThrow(/top-up-policy/);
  });

  it("names a commune's bad type cell", async () => {
    const sheet = COMMUNES_2026.map((r) => [...r]);
    sheet[2][4] = "IV";
    const e = await run({ Xã: sheet }, { total: 100, policy: "2026-2030" }).catch((x) => x);
    expect(e.details).toMatchObject({ sheet: "Xã", cell: "E3", found: "IV" });
  });
});

describe("policy templates", () => {
  it.each([
    ["allocation-policy", "2026-2030"],
    ["allocation-policy-qd-07-2022", "qd-07-2022"],
  ] as const)("the %s template read back gives the preset's coefficients", async (id, preset) => {
    const book = new MemoryWorkbook({ Xã: COMMUNES_2026 });
    const [name] = await book.writeResults([templateSheet(id)]);
    const policy = readAllocationPolicy(await book.readSheet(name));
    const communes = readAllocationCommunes(
      await book.readSheet("Xã"),
      CATALOGUE_2021_2025
    ).communes;
    const fromSheet = evaluatePolicy(policy, communes).map((e) => [e.coefficient, e.rule]);
    const fromPreset = evaluatePolicy(presetPolicy(preset), communes).map((e) => [
      e.coefficient,
      e.rule,
    ]);
    expect(fromSheet).toEqual(fromPreset);
    expect(policy.rules.every((r) => r.note?.includes("đối chiếu"))).toBe(true);
    expect(policy.preset).toBe(false);
  });
});
