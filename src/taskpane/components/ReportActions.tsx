// "Tải báo cáo (.docx)" from the results of the jobs run in this session, and "Sao chép" (Copy) of one result table.

import * as React from "react";
import { Button, Caption1 } from "@fluentui/react-components";
import type { OutputTable } from "../../workbook/output";
import { copyToClipboard, tableClipboard } from "../clipboard";
import { pick, type Lang } from "../i18n";
import { downloadReport } from "../report";
import { describeProblem, type ProblemView } from "../run";
import { ProblemBar } from "./ProblemBar";
import { OptionField } from "./JobForm";
import { REPORT_FRAME_OPTIONS } from "../../engine/options";
import { BLANK } from "../../workbook/report/frame";
import type { OptionValue } from "../run";

const WORDS = {
  report: { vi: "Tải báo cáo (.docx)", en: "Download report (.docx)" },
  reportOf: { vi: "Báo cáo gồm kết quả", en: "The report holds the results of" },
  preparing: { vi: "Đang lập báo cáo…", en: "Preparing the report…" },
  frame: {
    vi: "Thể thức văn bản (Nghị định 30/2020/NĐ-CP): cơ quan, số, ngày, người ký, nơi nhận",
    en: "Document layout (Decree 30/2020/NĐ-CP): agency, number, date, signer, recipients",
  },
  copy: { vi: "Sao chép", en: "Copy" },
  copied: { vi: "Đã sao chép: dán vào Word hoặc Excel", en: "Copied: paste into Word or Excel" },
  copyFailed: {
    vi: "Không sao chép được (trình duyệt không cho phép)",
    en: "Could not copy (the browser refused)",
  },
};

/** The last result of each job run in this session, by job id, with the job's label. */
export type SessionResults = Record<string, { label: string; json: Record<string, unknown> }>;

/** Keeps the last result of each job as it completes. */
export function useSessionResults(
  jobId: string | undefined,
  label: string | undefined,
  json: Record<string, unknown> | undefined
): SessionResults {
  const [results, setResults] = React.useState<SessionResults>({});
  React.useEffect(() => {
    if (jobId && json) setResults((r) => ({ ...r, [jobId]: { label: label ?? jobId, json } }));
  }, [jobId, label, json]);
  return results;
}

export function ReportButton({
  results,
  lang,
}: {
  results: SessionResults;
  lang: Lang;
}): React.JSX.Element | null {
  const [busy, setBusy] = React.useState(false);
  const [problem, setProblem] = React.useState<ProblemView | null>(null);
  // The document frame's fields as typed; read by their declaration when the report is made.
  const [frame, setFrame] = React.useState<Record<string, OptionValue>>({});
  const ids = Object.keys(results);
  if (ids.length === 0) return null;
  const onClick = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const values = REPORT_FRAME_OPTIONS.parse(frame);
      await downloadReport(
        Object.fromEntries(ids.map((id) => [id, results[id].json])),
        lang,
        values
      );
    } catch (e) {
      setProblem(describeProblem(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 4 }}>
      <Button data-testid="report-docx" disabled={busy} onClick={onClick}>
        {busy ? pick(WORDS.preparing, lang) : pick(WORDS.report, lang)}
      </Button>
      <Caption1 data-testid="report-contents">
        {pick(WORDS.reportOf, lang)}: {ids.map((id) => results[id].label).join(", ")}
      </Caption1>
      <details data-testid="report-frame" style={{ minWidth: 0 }}>
        <summary style={{ cursor: "pointer" }}>{pick(WORDS.frame, lang)}</summary>
        <div style={{ display: "flex", flexDirection: "column", gap: 4, minWidth: 0 }}>
          {REPORT_FRAME_OPTIONS.specs.map((spec) => (
            <OptionField
              key={spec.id}
              lang={lang}
              option={spec}
              value={frame[spec.id]}
              disabled={busy}
              onChange={(v) => setFrame((f) => ({ ...f, [spec.id]: v }))}
              // An empty field is printed as a dotted blank (the type and trích yếu as the report's own).
              placeholder={
                spec.absent && spec.absent.vi.includes(BLANK)
                  ? BLANK
                  : pick(spec.absent ?? { vi: "", en: "" }, lang)
              }
            />
          ))}
        </div>
      </details>
      {problem && <ProblemBar problem={problem} lang={lang} />}
    </div>
  );
}

export function CopyTableButton({
  table,
  lang,
}: {
  table: OutputTable;
  lang: Lang;
}): React.JSX.Element {
  const [status, setStatus] = React.useState<"copied" | "failed" | null>(null);
  const onClick = async () => {
    try {
      await copyToClipboard(tableClipboard(table));
      setStatus("copied");
    } catch {
      setStatus("failed");
    }
  };
  return (
    <span style={{ display: "inline-flex", gap: 8, alignItems: "center", flexWrap: "wrap" }}>
      <Button size="small" appearance="subtle" data-testid="copy-table" onClick={onClick}>
        {pick(WORDS.copy, lang)}
      </Button>
      {status && (
        <Caption1 role="status" data-testid="copy-status">
          {pick(status === "copied" ? WORDS.copied : WORDS.copyFailed, lang)}
        </Caption1>
      )}
    </span>
  );
}
