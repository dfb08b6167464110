// "Dữ liệu đã đọc / What was read": per input table, the sheet, the rows used and skipped, the columns and the
// checks, collapsed by default. In Excel an item selects its range; in the browser app it opens a read-only preview
// of those rows, read through the port. Loaded in its own chunk (LazyReadingPanel), which hands it the table and
// the problem bar of the initial bundle: a module both chunks import is split out of the initial bundle's
// concatenated module and makes it larger. For the same reason the sections are the browser's own disclosure
// (<details>, keyboard-accessible as it is) and the items plain buttons, styled with Fluent tokens.

import * as React from "react";
import { Caption1, makeStyles, mergeClasses, Subtitle2, tokens } from "@fluentui/react-components";
import type { Bilingual } from "../../engine/errors";
import type { Grid } from "../../workbook/grid";
import type { WorkbookPort } from "../../workbook/port";
import type { TableReading } from "../../workbook/reading/types";
import type { ErrorView, TableView } from "../handlers";
import type { Lang } from "../i18n";
import {
  previewTable,
  previewTitle,
  READING_UI as UI,
  readingSections,
  type ReadingItem,
  type ReadingSection,
  type ReadingTarget,
} from "../reading-view";

const pick = (text: Bilingual, lang: Lang) => text[lang];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  title: { margin: 0, overflowWrap: "anywhere" },
  hint: { color: tokens.colorNeutralForeground2 },
  section: {
    minWidth: 0,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    "&[open] [data-chevron]": { transform: "rotate(90deg)" },
    "&:last-of-type": {
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
  },
  toggle: {
    display: "flex",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalS,
    minWidth: 0,
    cursor: "pointer",
    listStyleType: "none",
    borderRadius: tokens.borderRadiusMedium,
    "::-webkit-details-marker": { display: "none" },
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "-2px",
    },
  },
  chevron: {
    flexShrink: 0,
    paddingTop: tokens.spacingVerticalXS,
    transitionProperty: "transform",
    transitionDuration: tokens.durationFaster,
  },
  headerText: {
    display: "flex",
    flexDirection: "column",
    minWidth: 0,
    overflowWrap: "anywhere",
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
  },
  summary: { color: tokens.colorNeutralForeground2 },
  attention: { color: tokens.colorStatusWarningForeground1 },
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    minWidth: 0,
    marginLeft: tokens.spacingHorizontalS,
    marginRight: 0,
    paddingBottom: tokens.spacingVerticalS,
  },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  list: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
  item: { display: "flex", flexDirection: "column", minWidth: 0, overflowWrap: "anywhere" },
  // A button that reads as a link: it selects or previews, it does not navigate.
  link: {
    padding: 0,
    margin: 0,
    border: "none",
    backgroundColor: "transparent",
    color: tokens.colorBrandForegroundLink,
    fontFamily: "inherit",
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    textAlign: "start",
    overflowWrap: "anywhere",
    cursor: "pointer",
    ":hover": { color: tokens.colorBrandForegroundLinkHover, textDecorationLine: "underline" },
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      borderRadius: tokens.borderRadiusSmall,
    },
    "@media (forced-colors: active)": { color: "LinkText" },
  },
  warning: {
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorStatusWarningBorder1}`,
    paddingLeft: tokens.spacingHorizontalXS,
  },
  detail: { color: tokens.colorNeutralForeground2 },
  preview: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    minWidth: 0,
    padding: tokens.spacingHorizontalXS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  groupTitle: { fontWeight: tokens.fontWeightSemibold },
  close: { alignSelf: "flex-start" },
});

export interface ReadingPanelProps {
  readings: TableReading[];
  workbook: WorkbookPort;
  lang: Lang;
  /** The preview's read-only table (the result table of the initial bundle). */
  renderTable: TableView;
  /** An error of a selection or a preview, as the pane shows errors. */
  renderProblem: ErrorView;
}

interface Open {
  section: string;
  item: string;
  reading: TableReading;
  target: ReadingTarget;
}

export default function ReadingPanel({
  readings,
  workbook,
  lang,
  renderTable,
  renderProblem,
}: ReadingPanelProps): React.JSX.Element {
  const styles = useStyles();
  const titleId = React.useId();
  const sections = React.useMemo(() => readingSections(readings), [readings]);
  const [open, setOpen] = React.useState<Open | null>(null);
  const [problem, setProblem] = React.useState<unknown>(null);
  const root = React.useRef<HTMLElement>(null);
  const selects = typeof workbook.selectRange === "function";
  // A new result is a new reading: a preview of the last one would show rows of another run.
  React.useEffect(() => setOpen(null), [readings]);

  const choose = async (section: ReadingSection, reading: TableReading, item: ReadingItem) => {
    const target = item.target;
    if (!target) return;
    setProblem(null);
    if (selects) {
      try {
        await workbook.selectRange!(target.sheet, target.address);
      } catch (e) {
        setProblem(e ?? new Error("selectRange"));
      }
      return;
    }
    setOpen({ section: section.key, item: item.key, reading, target });
  };
  // Closing the preview gives the focus back to the item that opened it.
  const close = () => {
    if (!open) return;
    const selector = `[data-section="${CSS.escape(open.section)}"] [data-item="${CSS.escape(open.item)}"]`;
    setOpen(null);
    root.current?.querySelector<HTMLElement>(selector)?.focus();
  };

  return (
    <section
      ref={root}
      className={styles.root}
      data-testid="reading-panel"
      aria-labelledby={titleId}
    >
      <Subtitle2 as="h3" id={titleId} className={styles.title}>
        {pick(UI.reading, lang)}
      </Subtitle2>
      <Caption1 className={styles.hint}>
        {pick(selects ? UI.readingHintExcel : UI.readingHint, lang)}
      </Caption1>
      <div>
        {sections.map((section, i) => (
          <details
            key={section.key}
            className={styles.section}
            data-testid="reading-input"
            data-section={section.key}
          >
            <summary className={styles.toggle} data-testid="reading-toggle">
              <span aria-hidden data-chevron className={styles.chevron}>
                ›
              </span>
              <span className={styles.headerText}>
                <span>
                  {pick(section.title, lang)}
                  {section.attention && (
                    <span className={styles.attention}> · {pick(UI.readingAttention, lang)}</span>
                  )}
                </span>
                <Caption1 className={styles.summary}>{pick(section.summary, lang)}</Caption1>
              </span>
            </summary>
            <div className={styles.panel}>
              {section.groups.map((group) => (
                <div key={group.key} className={styles.group} data-testid={`reading-${group.key}`}>
                  <Caption1 className={styles.groupTitle}>{pick(group.title, lang)}</Caption1>
                  <ul className={styles.list}>
                    {group.items.map((item) => (
                      <li
                        key={item.key}
                        className={mergeClasses(styles.item, item.warning && styles.warning)}
                      >
                        {item.target ? (
                          <button
                            type="button"
                            className={styles.link}
                            data-testid="reading-item"
                            data-item={item.key}
                            aria-expanded={
                              selects
                                ? undefined
                                : open?.section === section.key && open.item === item.key
                            }
                            onClick={() => void choose(section, readings[i], item)}
                          >
                            {pick(item.text, lang)}
                          </button>
                        ) : (
                          <span data-item={item.key}>{pick(item.text, lang)}</span>
                        )}
                        {item.detail && (
                          <Caption1 className={styles.detail}>{pick(item.detail, lang)}</Caption1>
                        )}
                      </li>
                    ))}
                  </ul>
                  {group.notes.map((note) => (
                    <Caption1 key={note.en} className={styles.detail}>
                      {pick(note, lang)}
                    </Caption1>
                  ))}
                </div>
              ))}
              {open?.section === section.key && (
                <ReadingPreview
                  key={open.item}
                  workbook={workbook}
                  reading={open.reading}
                  target={open.target}
                  lang={lang}
                  onClose={close}
                  renderTable={renderTable}
                  renderProblem={renderProblem}
                />
              )}
            </div>
          </details>
        ))}
      </div>
      {problem !== null && renderProblem(problem)}
    </section>
  );
}

/** The target's rows as read from the sheet now, in a read-only table; focus moves to it when it opens. */
function ReadingPreview({
  workbook,
  reading,
  target,
  lang,
  onClose,
  renderTable,
  renderProblem,
}: {
  workbook: WorkbookPort;
  reading: TableReading;
  target: ReadingTarget;
  lang: Lang;
  onClose: () => void;
} & Pick<ReadingPanelProps, "renderTable" | "renderProblem">): React.JSX.Element {
  const styles = useStyles();
  const region = React.useRef<HTMLDivElement>(null);
  const [grid, setGrid] = React.useState<Grid | null>(null);
  const [problem, setProblem] = React.useState<unknown>(null);
  React.useEffect(() => {
    let live = true;
    workbook.readSheet(target.sheet).then(
      (g) => live && setGrid(g),
      (e: unknown) => live && setProblem(e ?? new Error("readSheet"))
    );
    return () => {
      live = false;
    };
  }, [workbook, target.sheet]);
  React.useEffect(() => region.current?.focus(), []);
  const table = React.useMemo(
    () => (grid ? previewTable(grid, reading, target, lang) : null),
    [grid, reading, target, lang]
  );
  return (
    <div
      ref={region}
      tabIndex={-1}
      role="region"
      aria-label={pick(previewTitle(reading, target), lang)}
      className={styles.preview}
      data-testid="reading-preview"
    >
      {problem !== null ? (
        renderProblem(problem)
      ) : table ? (
        renderTable(reading.sheet, table)
      ) : (
        <Caption1 role="status">{pick(UI.previewLoading, lang)}</Caption1>
      )}
      <button
        type="button"
        className={mergeClasses(styles.link, styles.close)}
        data-testid="reading-preview-close"
        onClick={onClose}
      >
        {pick(UI.previewClose, lang)}
      </button>
    </div>
  );
}
