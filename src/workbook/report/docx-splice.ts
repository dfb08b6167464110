// The .docx package with its tables put in: the docx library writes the document around one marker paragraph per
// table, and each marker paragraph is replaced here by the table's own XML (docx-table.ts), streamed into a new
// package row by row. The document's text is never held whole: only the frame (paragraphs, sections) and the
// compressed output are.

import { strFromU8, unzipSync } from "fflate";
import { zipStreamed, type PartContent } from "../zip-stream";

/** A marker's text: letters and digits only, so that the docx library writes it as it is. */
export function tableMarker(nonce: string, index: number): string {
  return `NTMTABLE${nonce}X${index}X`;
}

/** A fresh nonce: no text of a report can hold it by chance (report texts do not come from us unseen). */
export function markerNonce(): string {
  return Math.random()
    .toString(36)
    .slice(2, 10)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "0");
}

/**
 * `pkg` with each marker paragraph of word/document.xml replaced by the pieces `tables(index)` yields. A marker
 * that cannot be found is a programming error.
 */
export function spliceTables(
  pkg: Uint8Array,
  nonce: string,
  count: number,
  tables: (index: number) => Iterable<string>
): Uint8Array {
  const files = unzipSync(pkg);
  const documentXml = strFromU8(files["word/document.xml"]);
  function* document(): Generator<string> {
    let from = 0;
    for (let i = 0; i < count; i++) {
      const at = documentXml.indexOf(tableMarker(nonce, i), from);
      if (at < 0) throw new Error(`Report: table ${i + 1} has no place in the document`);
      const open = Math.max(
        documentXml.lastIndexOf("<w:p>", at),
        documentXml.lastIndexOf("<w:p ", at)
      );
      const close = documentXml.indexOf("</w:p>", at) + "</w:p>".length;
      yield documentXml.slice(from, open);
      yield* tables(i);
      from = close;
    }
    yield documentXml.slice(from);
  }
  return zipStreamed(
    Object.entries(files).map(([name, data]): [string, PartContent] => [
      name,
      name === "word/document.xml" ? document() : data,
    ])
  );
}
