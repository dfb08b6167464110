// The old-webview check must itself run where the bundle cannot: it is parsed here as ES5 (what Internet Explorer 11
// reads), and both task pane pages load it before anything else.

import { parse } from "acorn";
import { readFileSync } from "fs";
import path from "path";

const ROOT = path.resolve(__dirname, "../..");
const SCRIPT = readFileSync(path.join(ROOT, "src/taskpane/old-webview.js"), "utf8");

describe("old-webview.js", () => {
  it("parses as ECMAScript 5", () => {
    expect(() => parse(SCRIPT, { ecmaVersion: 5 })).not.toThrow();
  });

  it("would be refused by the same check if it used later syntax (the check can fail)", () => {
    expect(() => parse("var f = () => 1;", { ecmaVersion: 5 })).toThrow();
    expect(() => parse("let x = `a`;", { ecmaVersion: 5 })).toThrow();
  });

  it.each(["taskpane.html", "web.html"])("is the first script %s loads", (page) => {
    const html = readFileSync(path.join(ROOT, "src/taskpane", page), "utf8");
    const scripts = [...html.matchAll(/<script\b[^>]*src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts[0]).toBe("old-webview.js");
    expect(html).not.toMatch(/<script\b(?![^>]*\bsrc=)/); // nothing inline (the CSP forbids it)
  });
});
