// The national criteria sets per period, as data. Users add more (next period, advanced tier) from a sheet.

import type { Catalogue, Criterion } from "./types";

const GROUPS: Record<number, string> = {};
for (let n = 1; n <= 19; n++)
  GROUPS[n] = n === 1 ? "I" : n <= 9 ? "II" : n <= 13 ? "III" : n <= 17 ? "IV" : "V";

function catalogue(id: string, label: string, names: [string, string][]): Catalogue {
  const criteria: Criterion[] = names.map(([vi, en], i) => ({
    number: i + 1,
    vi,
    en,
    group: GROUPS[i + 1],
  }));
  return { id, label, criteria };
}

export const CATALOGUE_2021_2025 = catalogue(
  "2021-2025",
  "Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021-2025",
  [
    ["Quy hoạch", "Planning"],
    ["Giao thông", "Transport"],
    ["Thủy lợi và phòng, chống thiên tai", "Irrigation and disaster prevention"],
    ["Điện", "Electricity"],
    ["Trường học", "Schools"],
    ["Cơ sở vật chất văn hóa", "Cultural facilities"],
    ["Cơ sở hạ tầng thương mại nông thôn", "Rural commercial infrastructure"],
    ["Thông tin và Truyền thông", "Information and communication"],
    ["Nhà ở dân cư", "Housing"],
    ["Thu nhập", "Income"],
    ["Nghèo đa chiều", "Multidimensional poverty"],
    ["Lao động", "Labour"],
    [
      "Tổ chức sản xuất và phát triển kinh tế nông thôn",
      "Production organisation and rural economy",
    ],
    ["Giáo dục và Đào tạo", "Education and training"],
    ["Y tế", "Health"],
    ["Văn hóa", "Culture"],
    ["Môi trường và an toàn thực phẩm", "Environment and food safety"],
    ["Hệ thống chính trị và tiếp cận pháp luật", "Political system and access to law"],
    ["Quốc phòng và An ninh", "Defence and security"],
  ]
);

export const CATALOGUE_2016_2020 = catalogue(
  "2016-2020",
  "Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2016-2020",
  [
    ["Quy hoạch", "Planning"],
    ["Giao thông", "Transport"],
    ["Thủy lợi", "Irrigation"],
    ["Điện", "Electricity"],
    ["Trường học", "Schools"],
    ["Cơ sở vật chất văn hóa", "Cultural facilities"],
    ["Cơ sở hạ tầng thương mại nông thôn", "Rural commercial infrastructure"],
    ["Thông tin và Truyền thông", "Information and communication"],
    ["Nhà ở dân cư", "Housing"],
    ["Thu nhập", "Income"],
    ["Hộ nghèo", "Poor households"],
    ["Lao động có việc làm", "Employed labour"],
    ["Tổ chức sản xuất", "Production organisation"],
    ["Giáo dục và Đào tạo", "Education and training"],
    ["Y tế", "Health"],
    ["Văn hóa", "Culture"],
    ["Môi trường và an toàn thực phẩm", "Environment and food safety"],
    ["Hệ thống chính trị và tiếp cận pháp luật", "Political system and access to law"],
    ["Quốc phòng và An ninh", "Defence and security"],
  ]
);

export const CATALOGUE_2011_2015 = catalogue(
  "2011-2015",
  "Bộ tiêu chí quốc gia về nông thôn mới giai đoạn 2011-2015",
  [
    ["Quy hoạch và thực hiện quy hoạch", "Planning and its implementation"],
    ["Giao thông", "Transport"],
    ["Thủy lợi", "Irrigation"],
    ["Điện", "Electricity"],
    ["Trường học", "Schools"],
    ["Cơ sở vật chất văn hóa", "Cultural facilities"],
    ["Chợ nông thôn", "Rural market"],
    ["Bưu điện", "Post office"],
    ["Nhà ở dân cư", "Housing"],
    ["Thu nhập", "Income"],
    ["Hộ nghèo", "Poor households"],
    ["Tỷ lệ lao động có việc làm thường xuyên", "Share of workers in regular employment"],
    ["Hình thức tổ chức sản xuất", "Forms of production organisation"],
    ["Giáo dục", "Education"],
    ["Y tế", "Health"],
    ["Văn hóa", "Culture"],
    ["Môi trường", "Environment"],
    ["Hệ thống tổ chức chính trị xã hội vững mạnh", "Strong socio-political system"],
    ["An ninh, trật tự xã hội", "Security and social order"],
  ]
);

/**
 * Decision 51/2025/QĐ-TTg (Annex I): 10 criteria, 47 indicators, one requirement per commune group. The
 * indicators are slots the user fills from an indicator policy sheet: we ship no threshold we cannot source.
 */
export const CATALOGUE_2026_2030: Catalogue = {
  id: "2026-2030",
  label: "Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2026-2030",
  criteria: (
    [
      ["Quy hoạch", "Planning"],
      ["Hạ tầng kinh tế - xã hội", "Socio-economic infrastructure"],
      ["Phát triển kinh tế nông thôn", "Rural economic development"],
      ["Đào tạo nguồn nhân lực nông thôn", "Rural human resources training"],
      ["Văn hóa, giáo dục, y tế", "Culture, education and health"],
      ["Giảm nghèo và an sinh xã hội", "Poverty reduction and social security"],
      ["Khoa học công nghệ và chuyển đổi số", "Science, technology and digital transformation"],
      ["Môi trường và cảnh quan nông thôn", "Environment and rural landscape"],
      [
        "Xây dựng hệ thống chính trị và hành chính công",
        "Political system and public administration",
      ],
      ["Tiếp cận pháp luật và an ninh, quốc phòng", "Access to law, security and defence"],
    ] as [string, string][]
  ).map(([vi, en], i) => ({ number: i + 1, vi, en, group: "" })),
  indicators: [],
  indicatorTotal: 47,
  requiresGroup: true,
  tiers: ["standard", "modern"],
  targets: {
    year: 2030,
    standard: 0.65,
    top: 0.1,
    source:
      "Nghị quyết 257/2025/QH15: khoảng 65% xã đạt chuẩn, khoảng 10% xã NTM hiện đại (theo tin công bố)",
  },
  source: "Quyết định 51/2025/QĐ-TTg ngày 29/12/2025, Phụ lục I",
};

export const BUILT_IN_CATALOGUES: Catalogue[] = [
  CATALOGUE_2011_2015,
  CATALOGUE_2016_2020,
  CATALOGUE_2021_2025,
  CATALOGUE_2026_2030,
];

/** The default when neither a period nor a plan year is given (kept for workbooks made before 2026-2030). */
export const DEFAULT_PERIOD = "2021-2025";

/** The tiers of a catalogue above "none", lowest first. */
export function tiersOf(catalogue: Catalogue): Exclude<Catalogue["tiers"], undefined> {
  return catalogue.tiers ?? ["standard", "advanced", "model"];
}

/**
 * The built-in period in force for a plan year: 2027 → "2026-2030". Undefined outside the known periods. The
 * period is a pure function of the year given, never of today's date.
 */
export function periodForYear(year: number): string | undefined {
  return BUILT_IN_CATALOGUES.map((c) => c.id).find((id) => {
    const [from, to] = id.split("-").map(Number);
    return year >= from && year <= to;
  });
}
