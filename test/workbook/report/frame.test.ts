// The report's optional administrative document frame (Nghị định 30/2020/NĐ-CP), read back from the .docx with
// mammoth: with every field given, its texts stand in the decree's order around the body; without, dotted blanks.

import mammoth from "mammoth";
import { buildReportFrom } from "../../../src/workbook/report/build";
import { reportDocxBytes } from "../../../src/workbook/report/docx";
import { REPORT_FRAME_OPTIONS } from "../../../src/engine/options";
import { isInputError } from "../../../src/engine/errors";

const funding = {
  sheet: "Nguồn vốn",
  unit: { vi: "triệu đồng", en: "million VND" },
  round: null,
  columns: [
    {
      column: "Kết quả huy động năm 2023",
      total: 1000,
      lines: [
        {
          label: "NGÂN SÁCH TRUNG ƯƠNG",
          category: "central" as const,
          level: 1,
          amount: 1000,
          share: 1,
          displayedShare: 1,
        },
      ],
      checks: [],
    },
  ],
};

const ALL = {
  "superior-agency": "UBND TỈNH ĐỒNG THÁP",
  agency: "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG",
  "doc-number": "125",
  "doc-symbol": "BC-SNNMT",
  place: "Đồng Tháp",
  date: "5/1/2027",
  "doc-type": "BÁO CÁO",
  abstract: "Kết quả xây dựng nông thôn mới năm 2026",
  "signer-authority": "KT. GIÁM ĐỐC",
  "signer-title": "PHÓ GIÁM ĐỐC",
  signer: "Nguyễn Văn Bình",
  recipients: "UBND tỉnh; Văn phòng Điều phối NTM tỉnh; Lưu: VT",
};

async function text(raw: Record<string, string | boolean>, lang: "vi" | "en" = "vi") {
  const frame = REPORT_FRAME_OPTIONS.parse(raw);
  const report = buildReportFrom({ funding }, { lang, year: 2024, frame });
  const bytes = await reportDocxBytes(report);
  return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
}

/** The lines' positions in the document, each after the one before (fails naming the first out of order). */
function expectInOrder(lines: string[], wanted: string[]): void {
  let at = -1;
  for (const w of wanted) {
    const next = lines.findIndex((l, i) => i > at && l === w);
    expect({ line: w, found: next > at }).toEqual({ line: w, found: true });
    at = next;
  }
}

describe("the report's document frame (Nghị định 30/2020/NĐ-CP)", () => {
  it("with every field given, prints them in the decree's order around the body and before the appendices", async () => {
    const lines = await text(ALL);
    expectInOrder(lines, [
      "UBND TỈNH ĐỒNG THÁP",
      "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG",
      "Số: 125/BC-SNNMT",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      // The decree's rule: a day under 10 and the months 1 and 2 take a leading zero.
      "Đồng Tháp, ngày 05 tháng 01 năm 2027",
      "BÁO CÁO",
      "Kết quả xây dựng nông thôn mới năm 2026",
      "1. Kết quả huy động nguồn lực",
      "Nơi nhận:",
      "- UBND tỉnh;",
      "- Văn phòng Điều phối NTM tỉnh;",
      "- Lưu: VT.",
      "KT. GIÁM ĐỐC",
      "PHÓ GIÁM ĐỐC",
      "Nguyễn Văn Bình",
      "Phụ lục I",
    ]);
    expect(lines.filter((l) => l.includes("……"))).toEqual([]);
  });

  it("leaves every field not given as a dotted blank, the type and trích yếu being the report's own", async () => {
    const lines = await text({ frame: true });
    expectInOrder(lines, [
      "……",
      "……",
      "Số: ……/……",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "……, ngày …… tháng …… năm ……",
      "BÁO CÁO",
      "Kết quả thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới",
      "Nơi nhận:",
      "- ……",
      "……",
      "……",
      "……",
      "Phụ lục I",
    ]);
  });

  it("is printed when one field is given, and not at all without any", async () => {
    const one = await text({ signer: "Trần Thị Hoa" });
    expect(one).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(one).toContain("Trần Thị Hoa");
    expect(one).toContain("Số: ……/……");
    const none = await text({});
    expect(none).not.toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(none.slice(0, 2)).toEqual([
      "BÁO CÁO",
      "Kết quả thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới",
    ]);
  });

  it("writes the date as given, March without a zero, in English too", async () => {
    expect(await text({ place: "Cần Thơ", date: "2027-03-15" })).toContain(
      "Cần Thơ, ngày 15 tháng 3 năm 2027"
    );
    expect(await text({ place: "Cần Thơ", date: "15/03/2027" }, "en")).toContain(
      "Cần Thơ, 15 March 2027"
    );
  });

  it("refuses a date that is not a day of the calendar, naming the field in both languages", async () => {
    const err = await text({ date: "31/02/2027" }).catch((e: unknown) => e);
    expect(isInputError(err)).toBe(true);
    expect((err as Error).message).toContain("Ngày ban hành");
    expect((err as Error).message).toContain("Date of issue");
    expect((err as Error).message).toContain("31/02/2027");
  });

  it("keeps what the user typed, characters a Word file cannot hold aside", async () => {
    const lines = await text({ signer: "Lê  Văn\u0007 Tư" });
    expect(lines).toContain("Lê  Văn Tư");
  });
});
