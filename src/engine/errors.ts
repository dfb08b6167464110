// Input errors that name the sheet, the cell, what was found and what was expected, in Vietnamese and English.

/** A message in both languages the add-in speaks: Vietnamese first. */
export interface Bilingual {
  vi: string;
  en: string;
}

export interface InputErrorDetails {
  /** File name, when the input came from a file (CLI). */
  file?: string;
  /** Sheet (or CSV file) name. */
  sheet?: string;
  /** A1 address of the offending cell, e.g. "D7". */
  cell?: string;
  /** What the cell held, as text. */
  found?: string;
  /** What was expected there. */
  expected: Bilingual;
  /** The job option that would settle it, when one would (a plan year the data do not give: "year"). */
  option?: string;
  /**
   * The options the refused value came from when it came from no cell: its place, as a sheet and cell are a sheet
   * value's. Named by their CLI flag ("--ratio"), which the task pane words as its field's label.
   */
  options?: string[];
  /** Why this is expected, said first: the year or a preset switched the period. */
  because?: Bilingual;
}

/**
 * A cell or range of a sheet as every message writes it: "Xã!B7", "Xã!A1:H30" (the sheet name unquoted, as the
 * user reads it in the tab). The one way a message or a warning names a place in a workbook.
 */
export function cellRef(sheet: string, cell: string): string {
  return `${sheet}!${cell}`;
}

/** Where a warning rests, as every front end names it: "Xã!B7", the sheet alone, or "" for the whole run. */
export function warningPlace(w: { sheet?: string; cell?: string }): string {
  if (!w.sheet) return "";
  return w.cell ? cellRef(w.sheet, w.cell) : w.sheet;
}

/**
 * A warning as the CLI, the pane and the result sheets word it: its place first ("Xã!B7: …") in both languages,
 * unless its words name that sheet and cell already ("Ô B7 (trang 'Xã'): …").
 */
export function placedWarning(w: {
  vi: string;
  en: string;
  sheet?: string;
  cell?: string;
}): Bilingual {
  const place = warningPlace(w);
  const names = (text: string) =>
    text.includes(place) ||
    (w.sheet !== undefined && text.includes(w.sheet) && (!w.cell || text.includes(w.cell)));
  const at = (text: string) => (place && !names(text) ? `${place}: ${text}` : text);
  return { vi: at(w.vi), en: at(w.en) };
}

/** One warning on one line of the CLI's output: "! Xã!B7: … / … ". */
export function warningLine(w: { vi: string; en: string; sheet?: string; cell?: string }): string {
  const p = placedWarning(w);
  return `! ${p.vi} / ${p.en}`;
}

function quote(value: string): string {
  // A cell may hold line breaks (Alt+Enter); the message must stay on one line.
  const flat = value.replace(/\s+/g, " ");
  const short = flat.length > 60 ? flat.slice(0, 57) + "..." : flat;
  return `"${short}"`;
}

/** Expected texts may quote cells (a commune's name); keep them on one line and of a readable length. */
function clip(text: string): string {
  const flat = text.replace(/\s*[\r\n]+\s*/g, " ");
  return flat.length > 1000 ? flat.slice(0, 997) + "..." : flat;
}

/**
 * A problem with the user's data. It always says where (sheet, cell) when the data came from a sheet,
 * and never carries a stack trace to the user.
 */
export class InputError extends Error {
  readonly details: InputErrorDetails;

  constructor(details: InputErrorDetails) {
    super(InputError.describe(details));
    this.name = "InputError";
    this.details = details;
  }

  get sheet(): string | undefined {
    return this.details.sheet;
  }

  get cell(): string | undefined {
    return this.details.cell;
  }

  /** The same error with the file name filled in (readers do not know the file). */
  inFile(file: string): InputError {
    return new InputError({ ...this.details, file });
  }

  /** One line: "file, sheet 'X', cell D7: found "abc" — expected … / … ". */
  static describe(d: InputErrorDetails): string {
    const where: string[] = [];
    if (d.file) where.push(d.file);
    if (d.sheet) where.push(`sheet '${d.sheet}'`);
    if (d.cell) where.push(`ô/cell ${d.cell}`);
    if (d.options && d.options.length > 0)
      where.push(`tùy chọn/option ${d.options.map((o) => `--${o}`).join(", ")}`);
    const found = d.found === undefined ? "" : ` Gặp/found ${quote(d.found)}.`;
    const prefix = where.length > 0 ? where.join(", ") + ":" : "";
    const expected = { vi: clip(d.expected.vi), en: clip(d.expected.en) };
    const because = d.because ? `${clip(d.because.vi)} / ${clip(d.because.en)}. ` : "";
    return `${because}${prefix}${found} Cần: ${expected.vi} / Expected: ${expected.en}`.trim();
  }
}

export function isInputError(e: unknown): e is InputError {
  return e instanceof InputError;
}
