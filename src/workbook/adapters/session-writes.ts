// What a web-app session wrote, kept so that its download is made by the CLI's writer: our sheets written row by row
// into the zip (xlsx-write), grafted into the user's own .xlsx with every part of theirs kept byte for byte
// (xlsx-graft), as `--out` onto an existing workbook does. The session's workbook in the page (ExcelJS, or the .xls
// reader) still takes every write, so that later jobs read the written sheets as in Excel; it is never saved.
//
// The writes are kept under the names the session's workbook gave them (a name beside a user's sheet of the same
// name, "Mau_Xa (2)" for a second template), the last write of a name replacing the earlier one, as a re-run
// replaces our sheet. Templates (WriteOptions.owned false) are written but not recorded as ours. The writers are
// loaded only when a download is made (a chunk of their own, not the pane's first bundle).

import type { OutputSheet } from "../output";
import type { WorkbookPort, WriteOptions } from "../port";

export class SessionWrites {
  private readonly byName = new Map<string, { output: OutputSheet; owned: boolean }>();

  /** Records one write: the outputs as written under `names` (the session workbook's answer), owned or a template. */
  record(outputs: OutputSheet[], names: string[], owned: boolean): void {
    outputs.forEach((output, i) => {
      const name = names[i] ?? output.sheet;
      this.byName.set(name, { output: { ...output, sheet: name }, owned });
    });
  }

  /** Names of the sheets written, in the order first written. */
  names(): string[] {
    return [...this.byName.keys()];
  }

  isEmpty(): boolean {
    return this.byName.size === 0;
  }

  /**
   * The .xlsx to download: `base` (the user's .xlsx) with our sheets grafted in, its own parts kept byte for byte, and
   * `base` itself when nothing was written; without a base (an .xls, never written back), a new workbook of what was
   * written. A workbook the graft cannot add to without changing the user's parts is refused as the CLI refuses it.
   */
  async toXlsx(base?: Uint8Array): Promise<Uint8Array> {
    const written = [...this.byName.values()];
    const outputs = written.map((w) => w.output);
    const owned = written.map((w) => w.owned);
    if (base) {
      if (written.length === 0) return base;
      const { addResultsToWorkbook } = await import(
        /* webpackChunkName: "xlsx-write" */ "./xlsx-graft"
      );
      return (await addResultsToWorkbook(base, outputs, { owned })).bytes;
    }
    const { resultWorkbook } = await import(/* webpackChunkName: "xlsx-write" */ "./xlsx-write");
    return resultWorkbook(outputs, { owned }).bytes;
  }
}

/** The session's workbook, every write of it also recorded in `writes` (under the names it gave). */
export function recordingWrites(book: WorkbookPort, writes: SessionWrites): WorkbookPort {
  return {
    sheetNames: () => book.sheetNames(),
    hiddenSheets: () => book.hiddenSheets?.() ?? Promise.resolve([]),
    readSheet: (name) => book.readSheet(name),
    async writeResults(sheets: OutputSheet[], options: WriteOptions = {}): Promise<string[]> {
      const names = await book.writeResults(sheets, options);
      writes.record(sheets, names, options.owned !== false);
      return names;
    },
  };
}
