// One result table at pane width: each row's name and key figures, the other columns behind the row's expander.

import * as React from "react";
import {
  Button,
  Caption1,
  makeStyles,
  mergeClasses,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
  useId,
} from "@fluentui/react-components";
import type { OutputTable } from "../../workbook/output";
import { fill, pick, UI, type Lang } from "../i18n";
import { cellDisplay, fitTable, type FittedColumn } from "../table-fit";

/** Rows shown before "show all"; the workbook gets all of them. */
export const PREVIEW_ROWS = 50;

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  title: { margin: 0, overflowWrap: "anywhere" },
  table: { tableLayout: "auto", width: "100%" },
  header: { verticalAlign: "bottom", overflowWrap: "anywhere", hyphens: "auto" },
  text: { overflowWrap: "anywhere" },
  number: { textAlign: "right", whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
  // Status words ("Khớp", "Chưa đạt") in a figures column: wrap between words only.
  status: { textAlign: "right", overflowWrap: "break-word" },
  // Header cells lay their content out in a flex box.
  numberHeader: { "& > div, & > button": { justifyContent: "flex-end", textAlign: "right" } },
  nameCell: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalXXS },
  expander: { minWidth: "24px", flexShrink: 0 },
  chevron: { display: "inline-block", transitionProperty: "transform", transitionDuration: "0.1s" },
  chevronOpen: { transform: "rotate(90deg)" },
  details: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) fit-content(60%)",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    padding: `${tokens.spacingVerticalXS} 0 ${tokens.spacingVerticalS} ${tokens.spacingHorizontalXXL}`,
    "& dt": { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
    "& dd": { margin: 0, textAlign: "right", overflowWrap: "anywhere" },
  },
  detailsRow: { backgroundColor: tokens.colorNeutralBackground2 },
});

export function ResultTable({
  sheet,
  table,
  lang,
  asTyped = false,
  children,
}: {
  sheet: string;
  table: OutputTable;
  lang: Lang;
  /** Text cells as the user typed them, never translated (a preview of the user's own rows). */
  asTyped?: boolean;
  /** Extras mounted under the table (a chart, a copy button). */
  children?: React.ReactNode;
}): React.JSX.Element {
  const styles = useStyles();
  const titleId = useId("table-title");
  const [all, setAll] = React.useState(false);
  const shown = all ? table.rows : table.rows.slice(0, PREVIEW_ROWS);
  const fit = React.useMemo(() => fitTable(table, lang, { rows: PREVIEW_ROWS }), [table, lang]);
  return (
    <section
      className={styles.section}
      data-testid="result-table"
      data-table={table.name}
      data-sheet={sheet}
      aria-labelledby={titleId}
    >
      <Subtitle2 as="h3" id={titleId} className={styles.title}>
        {fit.title}
      </Subtitle2>
      <Table size="extra-small" aria-labelledby={titleId} className={styles.table}>
        <TableHeader>
          <TableRow>
            {fit.name && (
              <TableHeaderCell className={styles.header}>{fit.name.header}</TableHeaderCell>
            )}
            {fit.figures.map((c) => (
              <TableHeaderCell
                key={c.index}
                className={mergeClasses(styles.header, styles.numberHeader)}
              >
                {c.header}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {shown.map((row, r) => (
            <ResultRow key={r} table={table} row={r} fit={fit} lang={lang} asTyped={asTyped} />
          ))}
        </TableBody>
      </Table>
      {table.rows.length > shown.length && (
        <div>
          <Caption1>
            {fill(pick(UI.rowsShown, lang), { shown: shown.length, total: table.rows.length })}
          </Caption1>{" "}
          <Button size="small" appearance="transparent" onClick={() => setAll(true)}>
            {fill(pick(UI.showAllRows, lang), { total: table.rows.length })}
          </Button>
        </div>
      )}
      {children}
    </section>
  );
}

function ResultRow({
  table,
  row,
  fit,
  lang,
  asTyped,
}: {
  table: OutputTable;
  row: number;
  fit: ReturnType<typeof fitTable>;
  lang: Lang;
  asTyped: boolean;
}): React.JSX.Element {
  const styles = useStyles();
  const [open, setOpen] = React.useState(false);
  const detailsId = useId("row-details");
  const values = table.rows[row];
  const show = (c: FittedColumn) => {
    const value = values[c.index];
    return asTyped && typeof value === "string"
      ? value
      : cellDisplay(table, c.index, value, lang, row);
  };
  const name = fit.name ? show(fit.name) : String(row + 1);
  // Blank cells say nothing in a row's details (the workbook keeps them).
  const details = fit.rest.filter((c) => show(c).trim() !== "");
  const expandable = details.length > 0;
  const expander = !expandable ? (
    // Keeps the names in line with the rows that have an expander.
    fit.rest.length > 0 && <span className={styles.expander} aria-hidden />
  ) : (
    <Button
      size="small"
      appearance="subtle"
      className={styles.expander}
      aria-expanded={open}
      aria-controls={open ? detailsId : undefined}
      aria-label={fill(pick(UI.rowDetails, lang), { name: name.trim() || String(row + 1) })}
      data-testid="row-expander"
      onClick={() => setOpen(!open)}
      icon={
        <span aria-hidden className={mergeClasses(styles.chevron, open && styles.chevronOpen)}>
          ›
        </span>
      }
    />
  );
  const columns = (fit.name ? 1 : 0) + fit.figures.length;
  return (
    <>
      <TableRow>
        {fit.name ? (
          <TableCell className={styles.text}>
            <span className={styles.nameCell}>
              {expander}
              <span>{name}</span>
            </span>
          </TableCell>
        ) : null}
        {fit.figures.map((c, i) => (
          <TableCell key={c.index} className={cellClass(styles, values[c.index])}>
            {!fit.name && i === 0 && expander}
            {show(c)}
          </TableCell>
        ))}
      </TableRow>
      {open && (
        <TableRow className={styles.detailsRow}>
          <TableCell colSpan={columns}>
            <dl id={detailsId} className={styles.details} data-testid="row-details">
              {details.map((c) => (
                <React.Fragment key={c.index}>
                  <dt>{c.header}</dt>
                  <dd>{show(c)}</dd>
                </React.Fragment>
              ))}
            </dl>
          </TableCell>
        </TableRow>
      )}
    </>
  );
}

/** In a figures column numbers stay on one line, words ("Khớp", "Chưa đạt") wrap between them; all right-aligned. */
function cellClass(styles: ReturnType<typeof useStyles>, value: unknown): string {
  return typeof value === "number" ? styles.number : styles.status;
}
