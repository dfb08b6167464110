// The merge job's options, declared once (kept free of readers).

import { declareOptions, textOption } from "../../engine/options";

export const MERGE_OPTIONS = declareOptions({
  period: textOption({
    label: { vi: "Giai đoạn của tình trạng cũ", en: "Period of the earlier status" },
    default: "2021-2025",
    example: "2021-2025",
  }),
});
