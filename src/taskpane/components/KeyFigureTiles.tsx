// A job's key figures as compact tiles, two to a row at pane width; a breakdown (bands, shares) spans the row.

import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { pick, UI, type Lang } from "../i18n";
import type { KeyFigure } from "../key-figures";

/** A value in words written in both languages ("Không giới hạn / No limit") shows the pane's; figures as they are. */
function valueIn(value: string, lang: Lang): string {
  const halves = value.split(" / ");
  const words = (t: string) => /[a-zà-ỹđ]{2}/i.test(t);
  if (halves.length !== 2 || !halves.every(words)) return value;
  return lang === "vi" ? halves[0] : halves[1];
}

const useStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(124px, 1fr))",
    gap: tokens.spacingHorizontalS,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
  tile: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    minWidth: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: tokens.strokeWidthThickest,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: "anywhere",
  },
  wide: { gridColumn: "1 / -1" },
  success: { borderLeftColor: tokens.colorStatusSuccessBorder1 },
  warning: { borderLeftColor: tokens.colorStatusWarningBorder1 },
  danger: { borderLeftColor: tokens.colorStatusDangerBorder1 },
  label: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
  },
  value: {
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
  },
  note: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
  },
  parts: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(120px, 1fr))",
    columnGap: tokens.spacingHorizontalM,
    margin: 0,
    padding: 0,
    listStyleType: "none",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  part: { display: "flex", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  partValue: {
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
    whiteSpace: "nowrap",
  },
});

export function KeyFigureTiles({
  figures,
  lang,
}: {
  figures: KeyFigure[];
  lang: Lang;
}): React.JSX.Element {
  const styles = useStyles();
  return (
    <ul className={styles.grid} aria-label={pick(UI.keyFigures, lang)} data-testid="key-figures">
      {figures.map((f) => (
        <li
          key={f.id}
          data-testid="key-figure"
          data-figure={f.id}
          className={mergeClasses(styles.tile, f.parts && styles.wide, f.tone && styles[f.tone])}
        >
          <span className={styles.label}>{pick(f.label, lang)}</span>
          <span className={styles.value}>{valueIn(f.value, lang)}</span>
          {f.note && <span className={styles.note}>{pick(f.note, lang)}</span>}
          {f.parts && (
            <ul className={styles.parts}>
              {f.parts.map((p, i) => (
                <li key={i} className={styles.part}>
                  <span>{pick(p.label, lang)}</span>
                  <span className={styles.partValue}>{p.value}</span>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
