import { planSheets, safeSheetName, uniqueTableName } from "../../src/workbook/ownership";

describe("sheet ownership", () => {
  it("reuses a sheet the add-in owns and renames around a user's sheet", () => {
    const plans = planSheets(["KQ_A", "KQ_B"], ["kq_a", "KQ_B"], ["KQ_B"]);
    expect(plans).toEqual([
      { requested: "KQ_A", name: "KQ_A (2)", replace: false },
      { requested: "KQ_B", name: "KQ_B", replace: true },
    ]);
  });

  it("keeps sheet names within Excel's rules", () => {
    expect(safeSheetName("a/b:c*?[d]")).toBe("a_b_c___d_");
    expect(safeSheetName("x".repeat(40))).toHaveLength(31);
  });

  it("makes table names unique across the workbook", () => {
    expect(uniqueTableName("NTM_TongHop", ["ntm_tonghop"])).toBe("NTM_TongHop_2");
    expect(uniqueTableName("1 bảng", [])).toBe("_1_bang");
  });
});
