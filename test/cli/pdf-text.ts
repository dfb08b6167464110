// The text of each page of a PDF as LibreOffice writes it: Flate content streams, hex glyph strings shown with Tj/TJ,
// and a ToUnicode CMap per font. Enough to tell what a page holds; not a general PDF reader.

import { inflateSync } from "node:zlib";

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

function objects(bytes: Buffer): Map<number, PdfObject> {
  const text = bytes.toString("latin1");
  const out = new Map<number, PdfObject>();
  for (const m of text.matchAll(/(\d+)\s+0\s+obj\b([\s\S]*?)endobj/g)) {
    const body = m[2];
    const s = /stream\r?\n/.exec(body);
    if (!s) {
      out.set(Number(m[1]), { dict: body });
      continue;
    }
    const dict = body.slice(0, s.index);
    const start = m.index! + m[0].indexOf(body) + s.index + s[0].length;
    const end = text.lastIndexOf("endstream", m.index! + m[0].length);
    let data = bytes.subarray(start, end);
    if (/\/FlateDecode/.test(dict)) {
      try {
        data = inflateSync(data);
      } catch {
        // A stream with trailing end-of-line bytes: inflate what is there.
        data = inflateSync(data, { finishFlush: 2 });
      }
    }
    out.set(Number(m[1]), { dict, stream: data });
  }
  return out;
}

const ref = (dict: string, key: string): number | null => {
  const m = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(dict);
  return m ? Number(m[1]) : null;
};

/** Glyph code (hex) → text, from a ToUnicode CMap. */
function cmap(source: string): Map<string, string> {
  const map = new Map<string, string>();
  const utf16 = (hex: string) => {
    let s = "";
    for (let i = 0; i + 4 <= hex.length; i += 4)
      s += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
    return s;
  };
  for (const block of source.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      map.set(m[1].toUpperCase(), utf16(m[2]));
    }
  }
  for (const block of source.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const lo = parseInt(m[1], 16);
      const hi = parseInt(m[2], 16);
      const first = parseInt(m[3], 16);
      for (let c = lo; c <= hi; c++) {
        map.set(
          c.toString(16).toUpperCase().padStart(m[1].length, "0"),
          String.fromCharCode(first + c - lo)
        );
      }
    }
  }
  return map;
}

/** Each page's text in order: runs within a line joined, a new line at each text positioning. */
export function pdfPageTexts(bytes: Buffer): string[] {
  const objs = objects(bytes);
  const pages: string[] = [];
  const fontMaps = new Map<number, Map<string, string>>();
  const fontMap = (id: number) => {
    let map = fontMaps.get(id);
    if (!map) {
      const font = objs.get(id);
      const to = font ? ref(font.dict, "ToUnicode") : null;
      map = to !== null ? cmap(objs.get(to)?.stream?.toString("latin1") ?? "") : new Map();
      fontMaps.set(id, map);
    }
    return map;
  };
  // Pages in document order: the page tree's Kids.
  const order: number[] = [];
  const walk = (id: number) => {
    const o = objs.get(id);
    if (!o) return;
    if (/\/Type\s*\/Pages\b/.test(o.dict)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(o.dict)?.[1] ?? "";
      for (const k of kids.matchAll(/(\d+)\s+0\s+R/g)) walk(Number(k[1]));
    } else if (/\/Type\s*\/Page\b/.test(o.dict)) order.push(id);
  };
  const root = [...objs.entries()].find(([, o]) => /\/Type\s*\/Catalog\b/.test(o.dict));
  if (root) walk(ref(root[1].dict, "Pages") ?? -1);
  for (const id of order) {
    const page = objs.get(id)!;
    let resources = page.dict;
    const resRef = ref(page.dict, "Resources");
    if (resRef !== null) resources = objs.get(resRef)?.dict ?? "";
    let fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? "";
    const fontRef = /\/Font\s+(\d+)\s+0\s+R/.exec(resources);
    if (fontRef) fontDict = objs.get(Number(fontRef[1]))?.dict ?? "";
    const fonts = new Map<string, number>();
    for (const f of fontDict.matchAll(/\/([^\s/]+)\s+(\d+)\s+0\s+R/g))
      fonts.set(f[1], Number(f[2]));
    const contents: number[] = [];
    const single = ref(page.dict, "Contents");
    if (single !== null) contents.push(single);
    else {
      const arr = /\/Contents\s*\[([^\]]*)\]/.exec(page.dict)?.[1] ?? "";
      for (const c of arr.matchAll(/(\d+)\s+0\s+R/g)) contents.push(Number(c[1]));
    }
    const ops = contents.map((c) => objs.get(c)?.stream?.toString("latin1") ?? "").join("\n");
    let map = new Map<string, string>();
    let out = "";
    const show = (hex: string) => {
      const width = [...map.keys()][0]?.length ?? 2;
      for (let i = 0; i + width <= hex.length; i += width)
        out += map.get(hex.slice(i, i + width).toUpperCase()) ?? "";
    };
    for (const t of ops.matchAll(
      /\/([^\s/]+)\s+[\d.]+\s+Tf|\[((?:[^\]])*)\]\s*TJ|<([0-9A-Fa-f]*)>\s*Tj|\b(Td|TD|T\*|Tm|ET)\b/g
    )) {
      if (t[1] !== undefined) map = fontMap(fonts.get(t[1]) ?? -1);
      else if (t[2] !== undefined) for (const h of t[2].matchAll(/<([0-9A-Fa-f]*)>/g)) show(h[1]);
      else if (t[3] !== undefined) show(t[3]);
      else if (!out.endsWith("\n")) out += "\n";
    }
    pages.push(out);
  }
  return pages;
}
