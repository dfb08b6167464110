// The Word report from the task pane: built from the results of the jobs run in this session, loaded on demand
// (the docx generator is not part of the initial task-pane script).

import type { Lang } from "./i18n";
import type { ReportFrameValues } from "../engine/options";
import { downloadBytes, MIME } from "./download";

/** Builds the .docx of the given job results (JSON by job id) and saves it as bao-cao.docx / report.docx. */
export async function downloadReport(
  results: Record<string, unknown>,
  lang: Lang,
  frame?: ReportFrameValues
): Promise<void> {
  const [{ buildReport }, { reportDocxBytes }] = await Promise.all([
    import(/* webpackChunkName: "report" */ "../workbook/report/build"),
    import(/* webpackChunkName: "report" */ "../workbook/report/docx"),
  ]);
  const report = buildReport(results, { lang, frame });
  const bytes = await reportDocxBytes(report);
  downloadBytes(bytes, lang === "vi" ? "bao-cao.docx" : "report.docx", MIME.docx);
}
