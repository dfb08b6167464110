// Static audit of the Office APIs the add-in uses (npm run api-sets): every Excel, Office, OfficeExtension and
// CustomFunctions member used in src/, resolved through the TypeScript type checker, with the requirement set from
// the "[Api set: ExcelApi 1.x]" note in its type declaration, and whether the manifest or an isSetSupported guard
// covers it. Exits 1 when a member needs more than the manifest declares and no guard covers it.
//
// A use is covered when one of these holds (the rules are lexical and checkable; nothing else counts):
//  1. the manifest declares the set at that version or above: the base <Requirements> for every file, and also the
//     <Requirements> inside <VersionOverrides> for files under src/functions/ (custom functions exist only where
//     the VersionOverrides take effect);
//  2. the use is in the true branch of an `if`, `?:` or `&&` whose condition is `x.isSetSupported("Set", "v")`
//     (negated, in && / || as logic allows), or in the statements after `if (!x.isSetSupported(...)) throw|return`
//     in the same block;
//  3. the condition is a guard flag: a const, or a readonly property assigned only in its class's constructor, whose
//     every value is such a call (e.g. `this.pageLayout = requirements.isSetSupported("ExcelApi", "1.9")`);
//  4. the use is in an instance member of a class whose constructor starts by refusing with rule 2 (`if (!...)
//     throw`): no instance exists where the set is missing;
//  5. the use is in a function documented `@apiset ExcelApi 1.9`: the function then counts as an API member of that
//     set itself, and every reference to it is audited by these same rules;
//  6. the member is no newer than its class (RangeAreas.address, ExcelApi 1.9, on RangeAreas, 1.9): Office objects
//     cannot be constructed, so such an object exists only where an audited call returned it (e.g. a guarded
//     getSpecialCellsOrNullObject). A type assertion could forge one; src/ has none to an Excel object type.
// Versions are string literals or constants of a literal type. Where a note names several versions ("1.1 for get,
// 1.8 for set"), the first is taken. A member without a note takes its interface's or class's; in the Excel
// namespace, ExcelApi 1.1 (Excel.run); elsewhere (Office common API such as Office.onReady) it needs no set.
// Property names read through load("a,b/c") strings are resolved too.
//
// Usage: node scripts/api-sets.mjs [--src src] [--manifest manifest.xml] [--json]

import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { XMLParser } from "fast-xml-parser";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const API_TYPES =
  /node_modules[\\/]@types[\\/](office-js|custom-functions-runtime|office-runtime)[\\/]/;
const NOTE = /\[Api set: ([A-Za-z]+) (\d+\.\d+)/;

/** "1.10" > "1.9". */
export function compareVersions(a, b) {
  const [x, y] = [a, b].map((v) => v.split(".").map(Number));
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

const atLeast = (have, need) => have !== undefined && compareVersions(have, need) >= 0;

/** The requirement sets a manifest declares: base, and base plus VersionOverrides. */
export function manifestSets(xml) {
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" }).parse(xml);
  const read = (requirements) => {
    // In VersionOverrides the elements are bt:Sets and bt:Set (officeappbasictypes).
    const sets = requirements?.Sets ?? requirements?.["bt:Sets"];
    const out = {};
    for (const s of [sets?.Set ?? sets?.["bt:Set"]].flat().filter(Boolean)) {
      out[s["@Name"]] = String(s["@MinVersion"] ?? sets["@DefaultMinVersion"] ?? "1.1");
    }
    return out;
  };
  const base = read(doc.OfficeApp?.Requirements);
  const overrides = read(doc.OfficeApp?.VersionOverrides?.Requirements);
  return { base, overrides: { ...base, ...overrides } };
}

function sourceFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(name) && !name.endsWith(".d.ts")) out.push(full);
  }
  return out;
}

/** The first "[Api set: X 1.n" note in the JSDoc just before a declaration. */
function noteOf(decl) {
  const text = decl.getSourceFile().text;
  const leading = ts.getLeadingCommentRanges(text, decl.getFullStart()) ?? [];
  for (const range of leading.reverse()) {
    const m = NOTE.exec(text.slice(range.pos, range.end));
    if (m) return { set: m[1], version: m[2] };
  }
  return null;
}

/** `@apiset ExcelApi 1.9` on a function, method or class. */
function documentedSet(node) {
  for (const tag of ts.getJSDocTags(node)) {
    if (tag.tagName.text !== "apiset") continue;
    const comment =
      typeof tag.comment === "string" ? tag.comment : ts.getTextOfJSDocComment(tag.comment);
    const m = /^\s*([A-Za-z]+)\s+(\d+\.\d+)/.exec(comment ?? "");
    if (m) return { set: m[1], version: m[2] };
  }
  return null;
}

export function audit({ srcDir, manifestPath }) {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(ROOT, "tsconfig.json"),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} }
  );
  const files = sourceFiles(srcDir);
  const program = ts.createProgram(files, { ...config.options, noEmit: true });
  const checker = program.getTypeChecker();
  const declared = manifestSets(readFileSync(manifestPath, "utf8"));
  const functionsDir = path.join(srcDir, "functions") + path.sep;

  const literal = (expr) => {
    const type = checker.getTypeAtLocation(expr);
    return type.isStringLiteral() ? type.value : null;
  };
  const resolve = (symbol) =>
    symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;

  /** Guard flags (rule 3): symbol -> {set: version} it guarantees when truthy. */
  const flagCache = new Map();
  function flagOf(symbol) {
    if (!symbol) return null;
    if (flagCache.has(symbol)) return flagCache.get(symbol);
    flagCache.set(symbol, null); // no recursion through itself
    let result = null;
    const decl = symbol.valueDeclaration;
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer) {
      const constant = ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const;
      if (constant) result = facts(decl.initializer, true);
    } else if (decl && ts.isPropertyDeclaration(decl) && !decl.initializer) {
      const readonly = ts.getCombinedModifierFlags(decl) & ts.ModifierFlags.Readonly;
      const ctor = decl.parent.members.find((m) => ts.isConstructorDeclaration(m));
      if (readonly && ctor?.body) {
        const values = [];
        const visit = (n) => {
          if (
            ts.isBinaryExpression(n) &&
            n.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
            resolve(checker.getSymbolAtLocation(n.left)) === symbol
          )
            values.push(facts(n.right, true));
          ts.forEachChild(n, visit);
        };
        visit(ctor.body);
        if (values.length > 0 && values.every((v) => Object.keys(v).length > 0)) {
          result = values.reduce((a, b) => meet(a, b));
        }
      }
    }
    flagCache.set(symbol, result);
    return result;
  }

  const join = (a, b) => {
    const out = { ...a };
    for (const [set, v] of Object.entries(b)) if (!atLeast(out[set], v)) out[set] = v;
    return out;
  };
  const meet = (a, b) => {
    const out = {};
    for (const [set, v] of Object.entries(a))
      if (b[set] !== undefined) out[set] = compareVersions(v, b[set]) <= 0 ? v : b[set];
    return out;
  };

  /** What a condition guarantees when it evaluates to `truth`. */
  function facts(expr, truth) {
    if (ts.isParenthesizedExpression(expr)) return facts(expr.expression, truth);
    if (ts.isPrefixUnaryExpression(expr) && expr.operator === ts.SyntaxKind.ExclamationToken)
      return facts(expr.operand, !truth);
    if (ts.isBinaryExpression(expr)) {
      const op = expr.operatorToken.kind;
      if (op === ts.SyntaxKind.AmpersandAmpersandToken && truth)
        return join(facts(expr.left, true), facts(expr.right, true));
      if (op === ts.SyntaxKind.BarBarToken && !truth)
        return join(facts(expr.left, false), facts(expr.right, false));
      return {};
    }
    if (!truth) return {};
    if (ts.isCallExpression(expr)) {
      const callee = expr.expression;
      const name = ts.isPropertyAccessExpression(callee)
        ? callee.name.text
        : ts.isIdentifier(callee)
          ? callee.text
          : "";
      if (name === "isSetSupported" && expr.arguments.length === 2) {
        const set = literal(expr.arguments[0]);
        const version = literal(expr.arguments[1]);
        if (set && version) return { [set]: version };
      }
      return {};
    }
    if (ts.isIdentifier(expr) || ts.isPropertyAccessExpression(expr)) {
      return flagOf(resolve(checker.getSymbolAtLocation(expr))) ?? {};
    }
    return {};
  }

  const exits = (stmt) => {
    if (ts.isThrowStatement(stmt) || ts.isReturnStatement(stmt)) return true;
    if (ts.isBlock(stmt)) return stmt.statements.length > 0 && exits(stmt.statements.at(-1));
    return false;
  };
  /** `if (!isSetSupported(...)) throw/return` (rule 2's early exit): what holds after it. */
  const afterEarlyExit = (stmt) =>
    ts.isIfStatement(stmt) && !stmt.elseStatement && exits(stmt.thenStatement)
      ? facts(stmt.expression, false)
      : {};

  /** Rule 4: the constructor's leading early exit, if any. */
  function classGuard(cls) {
    const ctor = cls.members.find((m) => ts.isConstructorDeclaration(m));
    const first = ctor?.body?.statements[0];
    if (!first || !ts.isIfStatement(first) || !exits(first.thenStatement)) return {};
    return afterEarlyExit(first);
  }

  /** Everything guaranteed at a node, with the reason for the report. */
  function coverage(node) {
    let have = {};
    const why = [];
    const add = (f, reason) => {
      if (Object.keys(f).length === 0) return;
      have = join(have, f);
      why.push(reason);
    };
    for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
      if (ts.isIfStatement(parent) && child !== parent.expression) {
        add(facts(parent.expression, child === parent.thenStatement), "if");
      } else if (ts.isConditionalExpression(parent) && child !== parent.condition) {
        add(facts(parent.condition, child === parent.whenTrue), "?:");
      } else if (ts.isBinaryExpression(parent) && child === parent.right) {
        const op = parent.operatorToken.kind;
        if (op === ts.SyntaxKind.AmpersandAmpersandToken) add(facts(parent.left, true), "&&");
        if (op === ts.SyntaxKind.BarBarToken) add(facts(parent.left, false), "||");
      } else if (ts.isBlock(parent) || ts.isSourceFile(parent)) {
        for (const stmt of parent.statements) {
          if (stmt === child) break;
          add(afterEarlyExit(stmt), "early exit");
        }
      }
      if (
        ts.isFunctionDeclaration(parent) ||
        ts.isMethodDeclaration(parent) ||
        ts.isClassDeclaration(parent)
      ) {
        const doc = documentedSet(parent);
        if (doc)
          add({ [doc.set]: doc.version }, `@apiset on ${parent.name?.getText() ?? "function"}`);
      }
      if (
        ts.isClassLike(parent) &&
        ts.isClassElement(child) &&
        !ts.isConstructorDeclaration(child) &&
        !(ts.getCombinedModifierFlags(child) & ts.ModifierFlags.Static)
      ) {
        add(classGuard(parent), `constructor of ${parent.name?.getText() ?? "class"}`);
      }
    }
    return { have, why };
  }

  /** Office API member of a symbol, or null. */
  function apiMember(symbol, location) {
    const decls = symbol?.declarations ?? [];
    const api = decls.filter((d) => API_TYPES.test(d.getSourceFile().fileName));
    if (api.length === 0) return null;
    let decl = api[0];
    const call = location.parent;
    if (ts.isCallExpression(call?.parent) && call.parent.expression === call) {
      const sig = checker.getResolvedSignature(call.parent)?.declaration;
      if (sig && api.includes(sig)) decl = sig;
    }
    let note = noteOf(decl);
    const owner =
      decl.parent && (ts.isInterfaceDeclaration(decl.parent) || ts.isClassDeclaration(decl.parent))
        ? noteOf(decl.parent)
        : null;
    // A member without its own note takes its interface's or class's (not a namespace's).
    if (!note) note = owner;
    // The Excel namespace exists only with ExcelApi: a member of it without a note (Excel.run) needs 1.1.
    for (let up = decl; !note && up; up = up.parent)
      if (ts.isModuleDeclaration(up) && up.name.text === "Excel")
        note = { set: "ExcelApi", version: "1.1" };
    const name = checker.getFullyQualifiedName(symbol).replace(/__type\b/g, "{…}");
    return { name, need: note, owner };
  }

  const documented = new Map(); // symbol -> {set, version} for rule 5
  for (const file of program
    .getSourceFiles()
    .filter((f) => files.includes(path.resolve(f.fileName)))) {
    const visit = (n) => {
      if ((ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n)) && n.name) {
        const doc = documentedSet(n);
        if (doc) documented.set(checker.getSymbolAtLocation(n.name), doc);
      }
      ts.forEachChild(n, visit);
    };
    visit(file);
  }

  const uses = [];
  const record = (file, node, name, need, origin, owner = null) => {
    const { line } = file.getLineAndCharacterOfPosition(node.getStart());
    const where = `${path.relative(ROOT, file.fileName)}:${line + 1}`;
    const sets = file.fileName.startsWith(functionsDir) ? declared.overrides : declared.base;
    let status = "none needed";
    let reason = "";
    if (need) {
      const { have, why } = coverage(node);
      if (atLeast(sets[need.set], need.version)) {
        status = "manifest";
        reason = `${need.set} ${sets[need.set]} declared`;
      } else if (atLeast(have[need.set], need.version)) {
        status = "guarded";
        reason = why.join(", ");
      } else if (owner && owner.set === need.set && atLeast(owner.version, need.version)) {
        // Rule 6: no newer than its class, so only reachable on an object some audited call returned.
        status = "its object";
        reason = `an ${owner.set} ${owner.version} object`;
      } else status = "UNGUARDED";
    }
    uses.push({
      name,
      set: need?.set ?? null,
      version: need?.version ?? null,
      where,
      status,
      reason,
      origin,
    });
  };

  for (const file of program
    .getSourceFiles()
    .filter((f) => files.includes(path.resolve(f.fileName)))) {
    const visit = (n) => {
      if (ts.isPropertyAccessExpression(n)) {
        const symbol = resolve(checker.getSymbolAtLocation(n.name));
        const member = apiMember(symbol, n);
        if (member) record(file, n.name, member.name, member.need, "code", member.owner);
        // load("a,b/c"): the properties named in the string.
        if (
          member &&
          n.name.text === "load" &&
          ts.isCallExpression(n.parent) &&
          n.parent.arguments.length === 1 &&
          ts.isStringLiteralLike(n.parent.arguments[0])
        ) {
          const receiver = checker.getTypeAtLocation(n.expression);
          for (const pathText of n.parent.arguments[0].text.split(",")) {
            let type = receiver;
            for (const segment of pathText.trim().split("/")) {
              const prop =
                type && checker.getPropertyOfType(checker.getApparentType(type), segment);
              if (!prop) break;
              const sub = apiMember(prop, n.parent.arguments[0]);
              if (sub) record(file, n.parent.arguments[0], sub.name, sub.need, "load", sub.owner);
              type = checker.getTypeOfSymbolAtLocation(prop, n);
              if (checker.isArrayType(type)) type = checker.getTypeArguments(type)[0];
            }
          }
        }
      }
      if (
        ts.isIdentifier(n) &&
        !ts.isFunctionDeclaration(n.parent) &&
        !ts.isMethodDeclaration(n.parent)
      ) {
        const symbol = checker.getSymbolAtLocation(n);
        const doc = symbol && documented.get(symbol);
        if (doc) record(file, n, `${n.text} (@apiset)`, doc, "documented");
      }
      ts.forEachChild(n, visit);
    };
    visit(file);
  }
  return { uses, declared };
}

/** One row a member: the highest set it needs, how each use is covered, where. */
export function table(uses) {
  const rows = new Map();
  for (const u of uses) {
    const row = rows.get(u.name) ?? { ...u, count: 0, statuses: new Set(), where: [] };
    row.count++;
    row.statuses.add(u.status);
    if (u.status === "UNGUARDED" || row.where.length < 2) row.where.push(u.where);
    rows.set(u.name, row);
  }
  return [...rows.values()].sort(
    (a, b) =>
      (a.set ?? "").localeCompare(b.set ?? "") ||
      compareVersions(a.version ?? "0", b.version ?? "0") ||
      a.name.localeCompare(b.name)
  );
}

function main() {
  const arg = (flag, fallback) => {
    const i = process.argv.indexOf(flag);
    return i >= 0 ? process.argv[i + 1] : fallback;
  };
  const srcDir = path.resolve(arg("--src", path.join(ROOT, "src")));
  const manifestPath = path.resolve(arg("--manifest", path.join(ROOT, "manifest.xml")));
  if (!existsSync(srcDir) || !existsSync(manifestPath)) {
    console.error(`Không thấy / not found: ${srcDir} or ${manifestPath}`);
    process.exit(2);
  }
  const { uses, declared } = audit({ srcDir, manifestPath });
  const rows = table(uses);
  const bad = uses.filter((u) => u.status === "UNGUARDED");
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify({ declared, uses }, null, 2));
  } else {
    const fmt = (s) => [...s].join(" + ");
    const lines = rows.map((r) => [
      r.name,
      r.set ? `${r.set} ${r.version}` : "-",
      fmt(r.statuses),
      String(r.count),
      r.where.join(" "),
    ]);
    const head = ["Member", "Requirement", "Covered by", "Uses", "Where"];
    const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
    const show = (cells) =>
      cells
        .map((c, i) => c.padEnd(widths[i]))
        .join("  ")
        .trimEnd();
    console.log(show(head));
    console.log(show(widths.map((w) => "-".repeat(w))));
    for (const l of lines) console.log(show(l));
    const sets = (o) =>
      Object.entries(o)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ") || "none";
    console.log(
      `\nManifest: base ${sets(declared.base)}; custom functions ${sets(declared.overrides)}`
    );
    const highest = (status) => {
      const by = {};
      for (const u of uses.filter((x) => x.status === status && x.set))
        if (!atLeast(by[u.set], u.version)) by[u.set] = u.version;
      return sets(by);
    };
    console.log(
      `Highest needed, guarded: ${highest("guarded")}; declared in the manifest: ${highest("manifest")}`
    );
  }
  if (bad.length > 0) {
    for (const u of bad)
      console.error(
        `${u.where}: ${u.name} cần / needs ${u.set} ${u.version}, trên mức manifest khai báo và không có kiểm tra ` +
          `isSetSupported / above what the manifest declares and not guarded by isSetSupported`
      );
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
