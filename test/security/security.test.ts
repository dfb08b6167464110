// Security checks that need no network: no code built from strings anywhere in src/, no raw HTML injection in the
// task pane, and the add-in asks Excel for no more than it needs (ReadWriteDocument).

import { readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { XMLParser } from "fast-xml-parser";

const ROOT = path.resolve(__dirname, "..", "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|mjs|cjs|html)$/.test(name) ? [full] : [];
  });
}

/** Comments and string contents are kept: a forbidden call hidden in a string is still worth seeing. */
const FORBIDDEN: { what: string; pattern: RegExp }[] = [
  { what: "eval(", pattern: /(^|[^.\w$])eval\s*\(/ },
  { what: "new Function(", pattern: /\bnew\s+Function\s*\(/ },
  {
    what: "Function(...) called on a string",
    pattern: /(^|[^.\w$])(?<!new\s+)Function\s*\(\s*["'`]/,
  },
  { what: "setTimeout/setInterval with a string", pattern: /\bset(Timeout|Interval)\s*\(\s*["'`]/ },
  { what: "dangerouslySetInnerHTML", pattern: /dangerouslySetInnerHTML/ },
  { what: "innerHTML/outerHTML assignment", pattern: /\.(inner|outer)HTML\s*=/ },
  { what: "document.write", pattern: /\bdocument\.write(ln)?\s*\(/ },
];

function forbiddenUses(text: string): string[] {
  const found: string[] = [];
  text.split("\n").forEach((line, i) => {
    for (const f of FORBIDDEN) if (f.pattern.test(line)) found.push(`${i + 1}: ${f.what}`);
  });
  return found;
}

describe("source code", () => {
  it("never builds code from strings (eval, new Function) nor injects raw HTML", () => {
    const files = sourceFiles(path.join(ROOT, "src"));
    expect(files.length).toBeGreaterThan(10);
    const offences = files.flatMap((f) =>
      forbiddenUses(readFileSync(f, "utf8")).map((o) => `${path.relative(ROOT, f)}:${o}`)
    );
    expect(offences).toEqual([]);
  });

  it("the check itself sees eval, new Function and innerHTML", () => {
    expect(forbiddenUses("const x = eval(text);")).toEqual(["1: eval("]);
    expect(forbiddenUses("const f = new Function('a', body);")).toEqual(["1: new Function("]);
    expect(forbiddenUses('el.innerHTML = "<b>" + name;')).toEqual([
      "1: innerHTML/outerHTML assignment",
    ]);
    expect(forbiddenUses("const evaluation = evaluate(x); model.eval2(y);")).toEqual([]);
  });
});

describe("manifest.xml", () => {
  const parser = new XMLParser({ ignoreAttributes: false });
  const manifest = parser.parse(readFileSync(path.join(ROOT, "manifest.xml"), "utf8"));

  it("asks only for ReadWriteDocument", () => {
    const app = manifest.OfficeApp;
    expect(app).toBeDefined();
    expect(app.Permissions).toBe("ReadWriteDocument");
    // No second Permissions element hidden elsewhere (e.g. in VersionOverrides).
    const raw = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    expect(raw.match(/<Permissions>/g)).toHaveLength(1);
  });

  it("loads its pages only over https", () => {
    const raw = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    const urls = [...raw.matchAll(/(?:DefaultValue|Url)="([^"]+)"/g)]
      .map((m) => m[1])
      .filter((u) => /^\w+:\/\//.test(u));
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter((u) => !u.startsWith("https://"))).toEqual([]);
  });
});
