// A zip written part by part, each part compressed as it comes (fflate's streaming deflate): the result workbook's
// sheets (adapters/xlsx-write.ts) and the report's tables (report/docx-splice.ts) are written row by row into it and
// never held whole as text.

import { strToU8, Zip, ZipDeflate } from "fflate";

/** A part's content: bytes, a text, or a text in pieces (a sheet written row by row). */
export type PartContent = Uint8Array | string | Iterable<string>;

/**
 * A zip of the parts, each compressed as it is written: a part given in pieces is gathered to about 64 KB at a time
 * before compressing, never whole. Returns the zip's bytes.
 */
export function zipStreamed(parts: Iterable<[name: string, content: PartContent]>): Uint8Array {
  const out: Uint8Array[] = [];
  let failed: Error | null = null;
  const zip = new Zip((err, data) => {
    if (err) failed = err;
    else out.push(data);
  });
  for (const [name, content] of parts) {
    const entry = new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    if (content instanceof Uint8Array) entry.push(content, true);
    else if (typeof content === "string") entry.push(strToU8(content), true);
    else {
      let pending = "";
      for (const piece of content) {
        pending += piece;
        if (pending.length >= 65_536) {
          entry.push(strToU8(pending));
          pending = "";
        }
      }
      entry.push(strToU8(pending), true);
    }
    if (failed) throw failed;
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
