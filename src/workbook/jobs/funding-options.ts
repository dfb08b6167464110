// The funding job's options, and the source mapping option both money jobs take (kept free of readers).

import { SHARE_DECIMALS } from "../../engine/rounding";
import { declareOptions, numberOption, textOption } from "../../engine/options";

/** The sheet of source groups (Từ khóa | Nhóm nguồn), shared by both money jobs. */
export const MAPPING_OPTION = textOption({
  label: {
    vi: "Trang phân nhóm nguồn (Từ khóa | Nhóm nguồn)",
    en: "Source mapping sheet (keywords | group)",
  },
  unit: "sheet",
  absent: {
    vi: "trang có cột Từ khóa, Nhóm nguồn nếu có; không thì nhóm mặc định",
    en: "a sheet with “Từ khóa” (keyword) and “Nhóm nguồn” (source group) columns if any, else the default groups",
  },
  example: "PhanNhomNguon",
});

export const FUNDING_OPTIONS = declareOptions({
  round: numberOption({
    label: { vi: "Làm tròn tỷ lệ (cộng đúng 100%)", en: "Round shares (adding to 100%)" },
    unit: "decimals",
    integer: true,
    min: 0,
    max: 10,
    absent: {
      vi: `${SHARE_DECIMALS} chữ số (6,21%), cộng đúng 100,00%`,
      en: `${SHARE_DECIMALS} decimals (6.21%), adding to exactly 100.00%`,
    },
    help: {
      vi: "Số chữ số thập phân của tỷ lệ hiển thị; các tỷ lệ hiển thị luôn cộng đúng 100% (tỷ lệ chính xác trong JSON)",
      en: "Decimals of the shares shown; the shares shown always add to exactly 100% (exact shares in the JSON)",
    },
    example: "2",
  }),
  mapping: MAPPING_OPTION,
});
