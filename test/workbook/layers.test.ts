// The layout of src/workbook holds: no import cycle, and no import from a lower layer to a higher one (readers,
// writers, layout, adapters and the reading never import jobs; the report imports results, not jobs). Type imports
// count: a cycle through types is still a cycle in what one has to read to understand a file.

import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";

const ROOT = path.join(__dirname, "..", "..", "src");
const WORKBOOK = path.join(ROOT, "workbook");

/** Every module specifier a file names: imports, `import type`, re-exports, `import("…")` calls and types. */
function importsOf(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const specs: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      specs.push(node.moduleSpecifier.text);
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      specs.push(node.argument.literal.text);
    } else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === "require")) &&
      node.arguments.length === 1 &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      specs.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specs;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts") ? [p] : [];
  });
}

function resolve(from: string, spec: string): string | undefined {
  if (!spec.startsWith(".")) return undefined;
  const base = path.resolve(path.dirname(from), spec);
  return [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")].find(
    (p) => fs.existsSync(p) && fs.statSync(p).isFile()
  );
}

/** File → the files of this repository it imports (paths relative to src/). */
type ImportGraph = Map<string, string[]>;

function importGraph(dir: string): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const file of sourceFiles(dir)) {
    const targets = importsOf(file, fs.readFileSync(file, "utf8"))
      .map((spec) => resolve(file, spec))
      .filter((p): p is string => p !== undefined)
      .map((p) => path.relative(ROOT, p));
    graph.set(path.relative(ROOT, file), [...new Set(targets)]);
  }
  return graph;
}

/** The import cycles of a graph, each once (as its strongly connected component, files in order). */
function importCycles(graph: ImportGraph): string[][] {
  // Tarjan's strongly connected components, iterative over the graph's own order.
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const connect = (v: string): void => {
    indices.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, indices.get(w)!));
      }
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      const selfLoop = (graph.get(v) ?? []).includes(v);
      if (component.length > 1 || selfLoop) cycles.push(component.reverse());
    }
  };
  for (const v of graph.keys()) if (!indices.has(v)) connect(v);
  return cycles;
}

/** The folder of src/workbook a file belongs to ("jobs", "readers", …; "" for the files at its top). */
function layerOf(file: string): string | undefined {
  const parts = file.split(path.sep);
  if (parts[0] !== "workbook") return parts[0];
  return parts.length > 2 ? parts[1] : "";
}

/** Which layers each layer may not import. */
const FORBIDDEN: Record<string, string[]> = {
  readers: ["jobs", "report", "cli", "taskpane"],
  writers: ["jobs", "report", "cli", "taskpane"],
  layout: ["jobs", "report", "readers", "writers", "reading", "cli", "taskpane"],
  adapters: ["jobs", "report", "readers", "writers", "reading", "cli", "taskpane"],
  reading: ["jobs", "report", "writers", "cli", "taskpane"],
  report: ["jobs", "cli", "taskpane"],
  jobs: ["cli", "taskpane"],
  "": ["jobs", "report", "cli", "taskpane"],
};

function layerViolations(graph: ImportGraph): string[] {
  const found: string[] = [];
  for (const [file, targets] of graph) {
    const forbidden = FORBIDDEN[layerOf(file) ?? ""] ?? [];
    for (const target of targets) {
      const to = layerOf(target);
      if (to !== undefined && forbidden.includes(to)) found.push(`${file} → ${target}`);
    }
  }
  return found;
}

describe("the layout of src/workbook", () => {
  const graph = importGraph(WORKBOOK);

  it("reads every kind of import, type imports and re-exports included", () => {
    const text = [
      'import { a } from "./a";',
      'import type { B } from "./b";',
      'export { c } from "./c";',
      'export type * from "./d";',
      'type E = import("./e").E;',
      'const f = await import("./f");',
    ].join("\n");
    expect(importsOf("x.ts", text)).toEqual(["./a", "./b", "./c", "./d", "./e", "./f"]);
  });

  it("finds a cycle, through any number of files, and nothing in a chain", () => {
    const cyclic: ImportGraph = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a", "d"]],
      ["d", []],
    ]);
    expect(importCycles(cyclic)).toEqual([["a", "b", "c"]]);
    const chain: ImportGraph = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", []],
    ]);
    expect(importCycles(chain)).toEqual([]);
  });

  it("finds a reader importing a job, and the report importing a job", () => {
    const graph: ImportGraph = new Map([
      [path.join("workbook", "readers", "x.ts"), [path.join("workbook", "jobs", "y.ts")]],
      [path.join("workbook", "report", "x.ts"), [path.join("workbook", "jobs", "results.ts")]],
      [path.join("workbook", "jobs", "y.ts"), [path.join("workbook", "readers", "x.ts")]],
    ]);
    expect(layerViolations(graph)).toHaveLength(2);
  });

  it("sees the files it checks (the graph is not empty)", () => {
    expect(graph.get(path.join("workbook", "jobs", "targets.ts"))?.length).toBeGreaterThan(3);
  });

  it("has no import cycle", () => {
    expect(importCycles(graph)).toEqual([]);
  });

  it("has no import from a lower layer to a higher one", () => {
    expect(layerViolations(graph)).toEqual([]);
  });
});
