// `ntm-plan summary FILE`: the province's criteria summary from a communes sheet, thin over the summary job.

import { readCatalogueInput, summaryJob } from "../../workbook/jobs/summary";
import { requireFile, stringOption, type CliCommand } from "../command";
import { inFile, openWorkbook } from "../io";

export const summaryCommand: CliCommand = {
  name: "summary",
  summary: {
    vi: "Tổng hợp tiêu chí các xã: bình quân, số xã đạt chuẩn, theo nhóm, theo tiêu chí",
    en: "Summarise communes' criteria: average, communes at the standard, bands, per criterion",
  },
  usage: `ntm-plan summary FILE [--period 2026-2030 | --year 2027] [--bands "10,8-9,5-7,0-4"] [--catalogue FILE] [--indicators FILE] [--target-standard 65] [--target-modern 10] [--json]`,
  options: {
    period: { type: "string" },
    year: { type: "string" },
    bands: { type: "string" },
    catalogue: { type: "string" },
    indicators: { type: "string" },
    "target-standard": { type: "string" },
    "target-modern": { type: "string" },
  },
  async run(input) {
    const file = requireFile(input, this.usage);
    const catalogueFile = stringOption(input, "catalogue");
    const book = await openWorkbook(file);
    const catalogueBook = catalogueFile ? await openWorkbook(catalogueFile) : undefined;
    const indicatorsFile = stringOption(input, "indicators");
    const indicatorsBook = indicatorsFile ? await openWorkbook(indicatorsFile) : undefined;
    const options = {
      period: stringOption(input, "period"),
      year: stringOption(input, "year"),
      bands: stringOption(input, "bands"),
      "target-standard": stringOption(input, "target-standard"),
      "target-modern": stringOption(input, "target-modern"),
    };
    if (catalogueBook && catalogueFile) {
      // Read the catalogue on its own first so that its errors name the catalogue's file, not the communes'.
      await inFile(catalogueFile, () => readCatalogueInput({ workbook: catalogueBook }));
    }
    const result = await inFile(file, () =>
      summaryJob.run({
        inputs: {
          communes: { workbook: book },
          catalogue: catalogueBook ? { workbook: catalogueBook } : undefined,
          indicators: indicatorsBook ? { workbook: indicatorsBook } : undefined,
        },
        options,
      })
    );
    return { json: result.json, text: result.text, sheets: result.sheets };
  },
};
