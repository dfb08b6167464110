// Offline manifest check (office-addin-manifest validate needs Microsoft's online service):
// well-formed XML, the settings this add-in depends on, every resid defined, and, with --dist, every URL built.
import { readFileSync, existsSync } from "node:fs";
import { XMLParser, XMLValidator } from "fast-xml-parser";

const file = process.argv.find((a) => a.endsWith(".xml")) ?? "manifest.xml";
const distDir = process.argv.includes("--dist") ? "dist" : null;
const xml = readFileSync(file, "utf8");
const problems = [];

const valid = XMLValidator.validate(xml);
if (valid !== true) {
  console.error(
    `${file}: XML không hợp lệ / not well-formed: ${valid.err.msg} (dòng/line ${valid.err.line})`
  );
  process.exit(1);
}
const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" }).parse(xml);
const app = doc.OfficeApp;
const need = (ok, message) => ok || problems.push(message);

need(app?.["@xsi:type"] === "TaskPaneApp", "OfficeApp must be a TaskPaneApp");
need(/^[0-9a-f-]{36}$/i.test(String(app?.Id)), "Id must be a GUID");
need(app?.Permissions === "ReadWriteDocument", "Permissions must be ReadWriteDocument");
need(app?.DefaultLocale === "vi-VN", "DefaultLocale must be vi-VN");
const overrides = [app?.DisplayName?.Override].flat().filter(Boolean);
need(
  app?.DisplayName?.["@DefaultValue"] && overrides.some((o) => o["@Locale"] === "en-US"),
  "DisplayName needs Vietnamese default and en-US override"
);
need(
  [app?.Hosts?.Host].flat().some((h) => h?.["@Name"] === "Workbook"),
  "Host must be Workbook"
);
// Base requirements decide whether Office activates the add-in at all: only ExcelApi, so that Office 2016 and 2019
// open the pane and show why it cannot run there. The shared runtime (and with it the ribbon button and the custom
// functions) is asked for inside VersionOverrides, where a missing set drops only the VersionOverrides.
const sets = [app?.Requirements?.Sets?.Set].flat().filter(Boolean);
need(
  sets.some((s) => s["@Name"] === "ExcelApi"),
  "the base Requirements must declare ExcelApi (the pane's floor)"
);
need(
  sets.every((s) => s["@Name"] === "ExcelApi"),
  `the base Requirements must declare only ExcelApi, found ${sets.map((s) => s["@Name"]).join(", ")}: ` +
    "any other set there keeps Office 2016 and 2019 from opening the pane"
);
const overrideSets = [app?.VersionOverrides?.Requirements?.["bt:Sets"]?.["bt:Set"]]
  .flat()
  .filter(Boolean);
need(
  overrideSets.some((s) => s["@Name"] === "SharedRuntime"),
  "VersionOverrides must require SharedRuntime (its Runtimes element is a shared runtime)"
);

const host = app?.VersionOverrides?.Hosts?.Host;
need(host?.Runtimes?.Runtime?.["@lifetime"] === "long", "shared runtime must have lifetime long");
const cf = [host?.AllFormFactors?.ExtensionPoint]
  .flat()
  .find((e) => e?.["@xsi:type"] === "CustomFunctions");
need(Boolean(cf), "CustomFunctions extension point missing");

// Every resid used must be defined once in Resources.
const resources = app?.VersionOverrides?.Resources ?? {};
const defined = new Map();
for (const group of ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"]) {
  const inner = resources[group] ?? {};
  for (const item of Object.values(inner).flat())
    if (item?.["@id"]) defined.set(item["@id"], item["@DefaultValue"]);
}
const used = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
for (const id of new Set(used)) need(defined.has(id), `resid "${id}" is not defined in Resources`);
need(defined.get("Functions.Namespace") === "NTM", "custom functions namespace must be NTM");

const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https:\/\/[^"]+)"/g)].map((m) => m[1]);
const origins = new Set(urls.map((u) => new URL(u).origin));
need(origins.size === 1, `all URLs should share one origin, found ${[...origins].join(", ")}`);
if (distDir) {
  for (const u of new Set(urls)) {
    const path = new URL(u).pathname.replace(/^\//, "");
    need(existsSync(`${distDir}/${path}`), `${u} is not in ${distDir}/ (run npm run build)`);
  }
}

if (problems.length > 0) {
  for (const p of problems) console.error(`${file}: ${p}`);
  process.exit(1);
}
console.log(
  `${file}: hợp lệ / valid (${defined.size} resources, ${urls.length} URLs${distDir ? ", all built" : ""})`
);
