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
