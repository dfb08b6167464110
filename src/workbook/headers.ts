// Column headers of result tables, one bilingual way for every writer: "Tiếng Việt (English)". The writers name their
// columns in Vietnamese (some already with the English in brackets); the output boundary (safeOutputSheets) gives
// each header its English from the table below, so that every sheet, whichever writer made it, reads the same way.

/**
 * The rule every result header follows: Vietnamese, a space, the English in one pair of brackets at the end
 * ("Tên xã (Commune)", "Kinh phí, triệu đồng (Cost, million VND)"). The English starts with a capital letter or a
 * digit and holds no Vietnamese letter; the Vietnamese holds no bracket.
 */
export const HEADER_RULE = /^([^()]*[^\s()]) \(([A-Z0-9][^()]*)\)$/;

/** A Vietnamese letter (any with a diacritic, or đ): English text holds none. */
export const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

export function isBilingualHeader(header: string): boolean {
  const m = HEADER_RULE.exec(header);
  return m !== null && !VIETNAMESE.test(m[2]);
}

/**
 * English of the Vietnamese-only headers the writers use: the one glossary, read by the sheets ("Tên xã (Commune)")
 * and by the pane's English mode (src/taskpane/localize.ts).
 */
export const HEADER_ENGLISH: Readonly<Record<string, string>> = {
  TT: "No.",
  "Tiêu chí": "Criterion",
  // The column beside a Vietnamese name that holds the English one.
  "Tên tiếng Anh": "English name",
  "Số xã đạt": "Communes meeting it",
  "Tỷ lệ": "Share",
  "Tên xã": "Commune",
  Xã: "Commune",
  Huyện: "District",
  "Mã xã": "Commune code",
  "Nhóm xã": "Commune group",
  "Loại xã": "Commune type",
  "Số tiêu chí đạt": "Criteria met",
  "Tên tiêu chí đạt": "Criteria met, by number",
  "Số TC phấn đấu": "Criteria targeted",
  "Tiêu chí phấn đấu đạt": "Criteria to meet",
  "Số chỉ tiêu chưa đạt": "Indicators not met",
  "Chỉ tiêu chưa đạt": "Indicators not met, by code",
  "Số chỉ tiêu phấn đấu": "Indicators targeted",
  "Chỉ tiêu phấn đấu đạt": "Indicators to meet",
  "Tiêu chí đạt thêm": "Criteria completed",
  "Lũy kế": "Cumulative",
  "Lũy kế tiêu chí": "Cumulative criteria",
  "Chi phí": "Cost",
  "Nội dung": "Item",
  "Nhóm nguồn": "Source group",
  Cột: "Column",
  "Loại kiểm tra": "Check",
  "Kết quả": "Result",
  Ô: "Cell",
  "So sánh": "Comparison",
  "Từ cột": "From column",
  "Đến cột": "To column",
  "Chênh lệch": "Difference",
  "Tỷ lệ đến/từ": "Ratio to/from",
  "Năm/Cột": "Year/column",
  "NS trung ương": "Central budget",
  "NS địa phương": "Local budget",
  "Tỷ lệ đối ứng": "Counterpart ratio",
  "Tỷ lệ tối thiểu": "Minimum ratio",
  "Thiếu hụt": "Shortfall",
  "Đạt yêu cầu": "Compliant",
  "Đơn vị": "Unit",
  "Hệ số": "Coefficient",
  "Nhu cầu": "Need",
  "Tỷ trọng": "Share",
  "Số vốn phân bổ": "Allocated",
  "Quy tắc áp dụng": "Rule applied",
  "Cách tính": "Working",
  Nhóm: "Group",
  "Số xã": "Communes",
  "Tổng hệ số, vốn trung ương": "Sum of coefficients, central funds",
  Dòng: "Row",
  "Điều kiện": "Condition",
  "Căn cứ": "Basis",
  "Ghi chú": "Note",
  Năm: "Year",
  "Số xã đạt chuẩn": "Standard communes",
  "Số tiêu chí bình quân/xã": "Average criteria per commune",
  "Kinh phí": "Cost",
  "Số tiêu chí tăng thêm": "Criteria gained",
  "Số xã nâng cao": "Advanced communes",
  "Số xã kiểu mẫu": "Model communes",
  "Xã đạt chuẩn mới": "Newly standard communes",
  "Chỉ tiêu": "Target",
  "Mục tiêu": "Goal",
  "Giá trị": "Value",
  "Đánh giá": "Assessment",
  "Năm đạt": "Year reached",
  "Kinh phí đến năm đạt": "Cost up to that year",
  "Còn thiếu": "Short by",
  "Kinh phí bổ sung ước tính": "Estimated extra cost",
  "Năm đạt nếu giữ tốc độ": "Year reached at this pace",
  "Xã cũ": "Old commune",
  "Mã xã cũ": "Old commune code",
  "Xã mới": "New commune",
  "Mã xã mới": "New commune code",
  "Ngày hiệu lực": "Effective date",
  "Số xã cũ": "Old communes",
  "Các xã cũ": "Old commune names",
  "Mã các xã cũ": "Old commune codes",
  "Các xã cũ (số tiêu chí đạt)": "Old communes with criteria met",
  "Số xã cũ đạt chuẩn": "Old communes at the standard",
  "Tiêu chí các xã cũ đều đạt": "Criteria met by all old communes",
  "Mã chỉ tiêu": "Indicator code",
  Tệp: "File",
  "Trang tính": "Sheet",
  "Vấn đề": "Problem",
  "Cách xử lý": "What to do",
};

/** Units written in brackets after a Vietnamese header: "Chi phí (triệu đồng)". */
export const HEADER_UNITS: Readonly<Record<string, string>> = {
  "triệu đồng": "million VND",
  "tỷ đồng": "billion VND",
  "nghìn đồng": "thousand VND",
  đồng: "VND",
  "tiêu chí": "criteria",
  "chỉ tiêu": "indicators",
  xã: "communes",
};

/** Headers built around a year or a name from the user's sheet (the funding columns). */
const PATTERNS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^Dự kiến năm (\d{4})$/, (m) => `Projected ${m[1]}`],
  [/^Số xã dưới (\d+) tiêu chí$/, (m) => `Communes under ${m[1]} criteria`],
  [/^Kết quả huy động năm (\d{4})$/, (m) => `Mobilised in ${m[1]}`],
  [/^Kế hoạch năm (\d{4})$/, (m) => `Plan ${m[1]}`],
  [/^Thực hiện năm (\d{4})$/, (m) => `Actual ${m[1]}`],
  [/^Năm (\d{4})$/, (m) => `Year ${m[1]}`],
  [/^Tỷ lệ - (.+)$/, () => "Share"],
];

/** English of a Vietnamese-only header, from the glossary or a pattern ("Dự kiến năm 2025" → "Projected 2025"). */
export function headerEnglish(vi: string): string | undefined {
  const known = HEADER_ENGLISH[vi];
  if (known) return known;
  for (const [pattern, en] of PATTERNS) {
    const m = pattern.exec(vi);
    if (m) return en(m);
  }
  return undefined;
}

export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * A header in the one bilingual way: "Tên xã" → "Tên xã (Commune)", "Chi phí (triệu đồng)" → "Chi phí, triệu đồng
 * (Cost, million VND)", "Số ghi (stated)" → "Số ghi (Stated)". A header already so is kept (applying it twice changes
 * nothing); one it cannot give English to is kept as written (the result-workbook test lists any such header).
 */
export function bilingualHeader(header: string): string {
  if (isBilingualHeader(header)) return header;
  const whole = headerEnglish(header);
  if (whole) return `${header} (${whole})`;
  const m = /^([^()]*[^\s()]) \(([^()]+)\)$/.exec(header);
  if (!m) return header;
  const [, base, inner] = m;
  // "(triệu đồng)", "(tiêu chí)": a unit.
  const unit = HEADER_UNITS[inner];
  if (unit) {
    const en =
      headerEnglish(base) ??
      (/^(Tỷ lệ|Kết quả|Kế hoạch|Thực hiện)/.test(base) ? "Amount" : undefined);
    return en ? `${base}, ${inner} (${en}, ${unit})` : header;
  }
  // "(cost, triệu đồng)": English with a unit inside.
  const unitIn = Object.keys(HEADER_UNITS).find((u) => inner.endsWith(`, ${u}`));
  if (unitIn) {
    const en = inner.slice(0, -unitIn.length - 2);
    if (!VIETNAMESE.test(en))
      return `${base}, ${unitIn} (${capitalise(en)}, ${HEADER_UNITS[unitIn]})`;
  }
  // "(stated)": English in lower case.
  if (!VIETNAMESE.test(inner) && /^[a-z]/.test(inner)) return `${base} (${capitalise(inner)})`;
  return header;
}
