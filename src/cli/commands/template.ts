// `ntm-plan template ID --out FILE`: writes a blank input template; `template commune` the commune report form.

import { InputError, warningLine } from "../../engine/errors";
import { communeFormTemplate } from "../../workbook/collect/form-template";
import { TEMPLATES, templateSheet, type TemplateDefinition } from "../../workbook/templates";
import { stringOption, type CliCommand } from "../command";
import { inFile, openWorkbook } from "../io";

const USAGE =
  "ntm-plan template ID --out FILE [--indicators FILE] [--sheet NAME] [--period 2026-2030] [--json]";

const IDS = ["commune", ...TEMPLATES.map((t) => t.id)];

export const templateCommand: CliCommand = {
  name: "template",
  summary: {
    vi: "Ghi một biểu mẫu trống: 'commune' là biểu tự đánh giá của xã",
    en: "Write a blank template: 'commune' is the commune's self-assessment form",
  },
  usage: USAGE,
  options: {
    indicators: { type: "string" },
    sheet: { type: "string" },
    period: { type: "string" },
  },
  flags: [
    {
      flag: "ID",
      lines: [`Một trong / one of: ${IDS.join(", ")}`],
    },
    {
      flag: "--indicators FILE",
      lines: [
        "Tệp có bảng chỉ tiêu theo nhóm xã của tỉnh: các dòng chỉ tiêu của biểu 2026-2030",
        "File holding the province's indicator policy sheet: the rows of the 2026-2030 form",
      ],
    },
    {
      flag: "--sheet NAME",
      lines: ["Trang bảng chỉ tiêu trong tệp đó / The policy sheet in that file"],
    },
    {
      flag: "--period 2026-2030",
      lines: [
        "Giai đoạn của biểu (mặc định 2026-2030 khi có --indicators); 2021-2025: một dòng mỗi tiêu chí",
        "The form's period (default 2026-2030 with --indicators); 2021-2025: one row per criterion",
      ],
    },
  ],
  async run(input) {
    const [id, ...rest] = input.files;
    if (!id || rest.length > 0 || !IDS.includes(id)) {
      throw new InputError({
        found: input.files.join(" ") || "(không có / none)",
        expected: {
          vi: `đúng một mẫu: ${IDS.join(", ")}. ${USAGE}`,
          en: `exactly one template: ${IDS.join(", ")}. ${USAGE}`,
        },
      });
    }
    if (id !== "commune") {
      const sheet = templateSheet(id as TemplateDefinition["id"]);
      return {
        json: { template: id, sheet: sheet.sheet },
        text: `Mẫu / Template: ${sheet.sheet}`,
        sheets: [sheet],
      };
    }
    const file = stringOption(input, "indicators");
    const policy = file ? await openWorkbook(file) : undefined;
    const made = await inFile(file ?? "", () =>
      communeFormTemplate({
        period: stringOption(input, "period"),
        policy,
        sheet: stringOption(input, "sheet"),
      })
    );
    const items = made.sheet.tables[1].rows.length;
    const period = made.sheet.tables[0].rows.find((r) => String(r[0]).startsWith("Giai"))?.[1];
    const lines = [
      `Biểu tự đánh giá của xã / Commune self-assessment form: ${made.sheet.sheet}`,
      `Giai đoạn / Period ${period}: ${items} dòng / rows${made.policySheet ? ` (từ trang / from sheet '${made.policySheet}')` : ""}`,
      ...made.warnings.map(warningLine),
    ];
    return {
      json: {
        template: "commune",
        sheet: made.sheet.sheet,
        period,
        rows: items,
        ...(made.policySheet ? { policySheet: made.policySheet } : {}),
        warnings: made.warnings,
      },
      text: lines.join("\n"),
      sheets: [made.sheet],
    };
  },
};
