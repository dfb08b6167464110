import {
  classifySource,
  DEFAULT_SOURCE_MAPPING,
  parseSourceCategory,
} from "../../../src/engine/funding";

describe("classifySource", () => {
  it.each([
    ["TỔNG SỐ", [], "total"],
    ["NGÂN SÁCH TRUNG ƯƠNG", [], "central"],
    ["Ngan sach trung uong", [], "central"],
    ["Đầu tư phát triển", ["NGÂN SÁCH TRUNG ƯƠNG"], "central-investment"],
    ["Ngân sách trung ương - Sự nghiệp", [], "central-recurrent"],
    ["Tỉnh", ["NGÂN SÁCH ĐỊA PHƯƠNG"], "local-province"],
    ["Huyện", ["Ngân sách địa phương"], "local-district"],
    ["Ngân sách xã", [], "local-commune"],
    ["VỐN LỒNG GHÉP", [], "integrated"],
    ["Vốn tín dụng", [], "credit"],
    ["VỐN DOANH NGHIỆP", [], "enterprises"],
    ["HUY ĐỘNG TỪ NGƯỜI DÂN VÀ CỘNG ĐỒNG", [], "people"],
    ["Tiền mặt", ["HUY ĐỘNG TỪ NGƯỜI DÂN VÀ CỘNG ĐỒNG"], "people-cash"],
    ["Ngày công và hiện vật quy đổi", ["HUY ĐỘNG TỪ NGƯỜI DÂN VÀ CỘNG ĐỒNG"], "people-labour"],
    ["Ngân sách nhà nước", [], "state-budget"],
    ["Ngân sách trung ương", ["Ngân sách nhà nước"], "central"],
    ["Credit", [], "credit"],
    ["Vốn ODA", [], "other"],
  ])("reads %s (under %j) as %s", (label, context, category) => {
    expect(classifySource(label, context as string[])).toBe(category);
  });

  it("lets user entries placed before the defaults win", () => {
    const mapping = [
      { keywords: ["ODA"], category: "central" as const },
      ...DEFAULT_SOURCE_MAPPING,
    ];
    expect(classifySource("Vốn ODA", [], mapping)).toBe("central");
  });

  it("matches whole words only", () => {
    expect(classifySource("Vốn xã hội hóa", [])).toBe("other");
  });
});

describe("parseSourceCategory", () => {
  it("accepts ids and Vietnamese or English names", () => {
    expect(parseSourceCategory("credit")).toBe("credit");
    expect(parseSourceCategory("Ngan sach trung uong")).toBe("central");
    expect(parseSourceCategory("Local budget")).toBe("local");
    expect(parseSourceCategory("foo")).toBeNull();
  });
});
