import { planSheets, safeSheetName, uniqueTableName } from "../../src/workbook/ownership";

describe("sheet ownership", () => {
  it("reuses a sheet the add-in owns and renames around a user's sheet", () => {
    const plans = planSheets(
      ["KQ_A", "KQ_B"],
      [
        { id: "1", name: "kq_a" },
        { id: "2", name: "KQ_B" },
      ],
      [{ id: "2", name: "KQ_B" }]
    );
    expect(plans).toEqual([
      { requested: "KQ_A", name: "KQ_A (2)", replace: false },
      { requested: "KQ_B", name: "KQ_B", replace: true },
    ]);
  });

  it("owns a sheet only when both its id and its name match a record", () => {
    const owned = [{ id: "7", name: "KQ_B" }];
    const existing = [{ id: "8", name: "KQ_B" }]; // the user's new sheet after deleting the add-in's
    expect(planSheets(["KQ_B"], existing, owned)[0]).toEqual({
      requested: "KQ_B",
      name: "KQ_B (2)",
      replace: false,
    });
    const renamed = [{ id: "7", name: "Của tôi" }];
    expect(planSheets(["KQ_B"], renamed, owned)[0]).toMatchObject({ name: "KQ_B", replace: false });
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
