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
  usage: `ntm-plan summary FILE [--period 2021-2025] [--bands "19,15-18,10-14,5-9,0-4"] [--catalogue FILE] [--json]`,
  options: {
    period: { type: "string" },
    bands: { type: "string" },
    catalogue: { type: "string" },
  },
  async run(input) {
    const file = requireFile(input, this.usage);
    const catalogueFile = stringOption(input, "catalogue");
    const book = await openWorkbook(file);
    const catalogueBook = catalogueFile ? await openWorkbook(catalogueFile) : undefined;
    const options = { period: stringOption(input, "period"), bands: stringOption(input, "bands") };
    if (catalogueBook && catalogueFile) {
      // Read the catalogue on its own first so that its errors name the catalogue's file, not the communes'.
      await inFile(catalogueFile, () => readCatalogueInput({ workbook: catalogueBook }));
    }
    const result = await inFile(file, () =>
      summaryJob.run({
        inputs: {
          communes: { workbook: book },
          catalogue: catalogueBook ? { workbook: catalogueBook } : undefined,
        },
        options,
      })
    );
    return { json: result.json, text: result.text, sheets: result.sheets };
  },
};
