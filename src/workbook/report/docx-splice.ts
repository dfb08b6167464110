// The .docx package with its tables put in: the docx library writes the document around one marker paragraph per
// table, and each marker paragraph is replaced here by the table's own XML (docx-table.ts), streamed into a new
// package row by row. The document's text is never held whole: only the frame (paragraphs, sections) and the
// compressed output are.

import { strFromU8, unzipSync, Zip, ZipDeflate } from "fflate";

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
  const out: Uint8Array[] = [];
  let failed: Error | null = null;
  const zip = new Zip((err, data) => {
    if (err) failed = err;
    else out.push(data);
  });
  const encoder = new TextEncoder();
  for (const [name, data] of Object.entries(files)) {
    const entry = new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    if (name !== "word/document.xml") {
      entry.push(data, true);
      continue;
    }
    let from = 0;
    // Pieces are gathered to about 64 KB before compressing: one deflate call per row would be slow.
    let pending = "";
    const flush = (final: boolean) => {
      if (pending.length > 0 || final) entry.push(encoder.encode(pending), final);
      pending = "";
    };
    const write = (piece: string) => {
      pending += piece;
      if (pending.length >= 65536) flush(false);
    };
    for (let i = 0; i < count; i++) {
      const at = documentXml.indexOf(tableMarker(nonce, i), from);
      if (at < 0) throw new Error(`Report: table ${i + 1} has no place in the document`);
      const open = Math.max(
        documentXml.lastIndexOf("<w:p>", at),
        documentXml.lastIndexOf("<w:p ", at)
      );
      const close = documentXml.indexOf("</w:p>", at) + "</w:p>".length;
      write(documentXml.slice(from, open));
      for (const piece of tables(i)) write(piece);
      from = close;
    }
    write(documentXml.slice(from));
    flush(true);
  }
  zip.end();
  if (failed) throw failed;
  let size = 0;
  for (const c of out) size += c.length;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const c of out) {
    bytes.set(c, offset);
    offset += c.length;
  }
  return bytes;
}
