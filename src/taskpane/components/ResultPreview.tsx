// The result of a run before it is written: the summary text, warnings and each table (first rows).
// Numbers always in Vietnamese format (3.602.312; 6,21%): the figures are Vietnamese reports' figures.

import * as React from "react";
import {
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import type { Warning } from "../../engine/types";
import type { JobResult } from "../../workbook/jobs/job";
import type { OutputTable } from "../../workbook/output";
import { formatCell } from "../format";
import { fill, pick, UI, type Lang } from "../i18n";

/** Rows shown per table; the workbook gets all of them. */
export const PREVIEW_ROWS = 200;

export function ResultPreview({
  result,
  lang,
}: {
  result: JobResult;
  lang: Lang;
}): React.JSX.Element {
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 12 }} data-testid="results">
      {result.text && (
        <pre
          data-testid="result-text"
          style={{ whiteSpace: "pre-wrap", fontFamily: "inherit", margin: 0 }}
        >
          {result.text}
        </pre>
      )}
      {result.warnings.length > 0 && <Warnings warnings={result.warnings} lang={lang} />}
      {result.sheets.map((sheet) =>
        sheet.tables.map((table) => (
          <ResultTable
            key={`${sheet.sheet}/${table.name}`}
            sheet={sheet.sheet}
            table={table}
            lang={lang}
          />
        ))
      )}
    </div>
  );
}

function Warnings({ warnings, lang }: { warnings: Warning[]; lang: Lang }): React.JSX.Element {
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="warnings">
      <MessageBarBody>
        <MessageBarTitle>{pick(UI.warnings, lang)}</MessageBarTitle>
        <ul style={{ margin: 0, paddingLeft: 16 }}>
          {warnings.map((w, i) => (
            <li key={i}>
              {w.sheet ? `${w.sheet}${w.cell ? "!" + w.cell : ""}: ` : ""}
              {pick(w, lang)}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

function ResultTable({
  sheet,
  table,
  lang,
}: {
  sheet: string;
  table: OutputTable;
  lang: Lang;
}): React.JSX.Element {
  const shown = table.rows.slice(0, PREVIEW_ROWS);
  return (
    <section data-testid="result-table" data-table={table.name} data-sheet={sheet}>
      <Subtitle2>{table.title ?? table.name}</Subtitle2>
      <div style={{ overflowX: "auto" }}>
        <Table
          size="extra-small"
          aria-label={table.title ?? table.name}
          style={{ tableLayout: "auto", minWidth: "100%", width: "max-content" }}
        >
          <TableHeader>
            <TableRow>
              {table.columns.map((c, i) => (
                <TableHeaderCell key={i}>{c.header}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((row, r) => (
              <TableRow key={r}>
                {row.map((value, c) => (
                  <TableCell
                    key={c}
                    style={{
                      textAlign: typeof value === "number" ? "right" : "left",
                      whiteSpace: typeof value === "number" ? "nowrap" : "normal",
                      maxWidth: 240,
                    }}
                  >
                    {formatCell(value, table.columns[c]?.format)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {table.rows.length > shown.length && (
        <Caption1>
          {fill(pick(UI.rowsShown, lang), { shown: shown.length, total: table.rows.length })}
        </Caption1>
      )}
    </section>
  );
}
