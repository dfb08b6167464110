// The Jest environment of every test file: each .xlsx and .docx a test file writes goes through the strict reader
// when the file's tests are done, and a file that would not open cleanly fails that test file, naming the file and
// the reason.
//
// How the files are found: each test file gets a temp root of its own. The environment points TMPDIR at it, so
// os.tmpdir() in the tests, and in the CLI, Python and LibreOffice they start, lands there. A file removed before the
// end (a test's own clean-up) is hard-linked aside first. At teardown, for every file found:
//   - every XML part parses, no cell is over 32,767 characters, table column names are unique ignoring case
//     (strictProblems, in this process);
//   - openpyxl opens every .xlsx (one Python launch for all of them);
//   - LibreOffice opens every file (one soffice launch for all of them, each converted to HTML).
// Without python3-openpyxl or LibreOffice those two are skipped with a message, except under CI=true, where a
// missing tool fails the test file. A test that writes a file that is not ours on purpose (a corrupt input) says so
// with notOurFile() (strict-files.ts); the file is checked again if it changed after that.

import { execFile, spawn } from "node:child_process";
// The module object itself (a namespace import would be a copy of getters, which cannot be patched).
import fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { TestEnvironment } from "jest-environment-node";
import type { EnvironmentContext, JestEnvironmentConfig } from "@jest/environment";
import { NOT_OURS_KEY, sha256, strictProblems } from "./strict-files";

const run = promisify(execFile);
const REAL_TMP = os.tmpdir();
const PYTHON = "/usr/bin/python3";
const SOFFICE = [process.env.SOFFICE, "/usr/bin/soffice", "/usr/bin/libreoffice"].find(
  (p): p is string => !!p && fs.existsSync(p)
);
const WRITTEN = /\.(xlsx|docx)$/i;

/** One LibreOffice profile per worker process, reused by its test files (a new profile costs seconds). */
const PROFILE = path.join(REAL_TMP, `ntm-strict-lo-${process.pid}`);
const OPEN_SCRIPT = path.join(__dirname, "strict-open.py");

/** Kept on the worker's own global: Jest may load this module again for each test file. */
interface WorkerState {
  /** The pipe of the LibreOffice this worker started and keeps running, or null when it cannot (no UNO). */
  office?: Promise<string | null>;
  /** sha256 of the files this worker has already found sound: the same bytes are not opened again. */
  sound: Set<string>;
  toolsSaid: boolean;
}
const g = globalThis as { __ntmStrict?: WorkerState };
const state: WorkerState =
  g.__ntmStrict ??
  (g.__ntmStrict = (() => {
    process.on("exit", () => {
      fs.rmSync(PROFILE, { recursive: true, force: true });
      fs.rmSync(`${PROFILE}-convert`, { recursive: true, force: true });
    });
    return { sound: new Set<string>(), toolsSaid: false };
  })());

/**
 * One LibreOffice per worker process, listening on a pipe: each test file's files are opened through it (UNO), in
 * about a second less than a launch of its own. A watchdog ends it when the worker is gone, however the worker ends.
 */
function office(): Promise<string | null> {
  state.office ??= (async () => {
    if (!SOFFICE) return null;
    const uno = await run(PYTHON, ["-c", "import uno"]).then(
      () => true,
      () => false
    );
    if (!uno) return null;
    const pipe = `ntm-strict-${process.pid}`;
    const watchdog = spawn(
      "sh",
      [
        "-c",
        `"$0" "$@" & while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; kill -TERM 0`,
        SOFFICE,
        `-env:UserInstallation=file://${PROFILE}`,
        "--headless",
        "--invisible",
        "--norestore",
        "--nologo",
        `--accept=pipe,name=${pipe};urp;StarOffice.ComponentContext`,
      ],
      { detached: true, stdio: "ignore", env: { ...process.env, TMPDIR: REAL_TMP } }
    );
    watchdog.unref();
    process.on("exit", () => {
      try {
        if (watchdog.pid) process.kill(-watchdog.pid, "SIGTERM");
      } catch {
        // already gone
      }
    });
    return pipe;
  })();
  return state.office;
}

function walk(dir: string, found: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, found);
    // "~$x.xlsx" and ".~lock.x.xlsx#" are the office programs' lock files, not workbooks.
    else if (entry.isFile() && WRITTEN.test(entry.name) && !entry.name.startsWith("~$"))
      found.push(full);
  }
}

type Patched = { target: Record<string, unknown>; key: string; original: unknown };

export default class StrictFilesEnvironment extends TestEnvironment {
  private readonly root: string;
  private readonly kept: string;
  private readonly testPath: string;
  private readonly previousTmp: string | undefined;
  private patched: Patched[] = [];
  private keptCount = 0;
  private checked = 0;
  private tornDown = false;
  /** dev:inode of the files already kept aside: Node's recursive rm unlinks them again one by one. */
  private readonly keptInodes = new Set<string>();

  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    const root = fs.mkdtempSync(path.join(REAL_TMP, "ntm-t-"));
    const previousTmp = process.env.TMPDIR;
    // Before super(): the test file's process.env is a copy taken there.
    process.env.TMPDIR = root;
    super(config, context);
    this.root = fs.realpathSync(root);
    this.kept = path.join(this.root, ".removed");
    this.testPath = context.testPath;
    this.previousTmp = previousTmp;
  }

  override async setup(): Promise<void> {
    await super.setup();
    this.patchRemovals();
  }

  override async teardown(): Promise<void> {
    // Jest calls teardown again when it threw: the files were checked and are gone by then.
    if (this.tornDown) return super.teardown();
    this.tornDown = true;
    for (const { target, key, original } of this.patched.reverse()) target[key] = original;
    this.patched = [];
    if (this.previousTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = this.previousTmp;
    const notOurs = (this.global as Record<string, unknown>)[NOT_OURS_KEY] as
      Set<string> | undefined;
    let problems: string[] = [];
    const started = Date.now();
    try {
      problems = await this.check(notOurs ?? new Set());
      if (process.env.NTM_STRICT_VERBOSE)
        process.stderr.write(
          `strict files: ${path.basename(this.testPath)}: ${this.checked} file(s), ${Date.now() - started} ms\n`
        );
    } finally {
      fs.rmSync(this.root, { recursive: true, force: true });
      await super.teardown();
    }
    if (problems.length > 0) {
      const error = new Error(
        `Tệp do kiểm thử ghi không mở sạch / a file this test file wrote would not open cleanly ` +
          `(${path.relative(process.cwd(), this.testPath)}):\n${problems.slice(0, 30).join("\n")}`
      );
      error.stack = "";
      throw error;
    }
  }

  /** Removing a file or folder under the root first keeps every written file in it, by a hard link. */
  private patchRemovals(): void {
    const keep = (target: unknown): void => {
      if (typeof target !== "string" && !(target instanceof URL)) return;
      let full: string;
      try {
        full = fs.realpathSync(target instanceof URL ? target : path.resolve(target));
      } catch {
        return;
      }
      if (!full.startsWith(this.root + path.sep) || full.startsWith(this.kept)) return;
      const found: string[] = [];
      if (WRITTEN.test(full) && fs.statSync(full).isFile()) found.push(full);
      else if (fs.statSync(full).isDirectory()) walk(full, found);
      if (found.length === 0) return;
      fs.mkdirSync(this.kept, { recursive: true });
      for (const file of found) {
        const { dev, ino } = fs.statSync(file);
        if (this.keptInodes.has(`${dev}:${ino}`)) continue;
        this.keptInodes.add(`${dev}:${ino}`);
        const aside = path.join(
          this.kept,
          `${++this.keptCount}-${path.relative(this.root, file).replace(/[\\/]/g, "_")}`
        );
        try {
          fs.linkSync(file, aside);
        } catch {
          fs.copyFileSync(file, aside);
        }
      }
    };
    const wrap = (target: Record<string, unknown>, key: string): void => {
      const original = target[key] as (...args: unknown[]) => unknown;
      if (typeof original !== "function") return;
      this.patched.push({ target, key, original });
      target[key] = function (this: unknown, ...args: unknown[]) {
        keep(args[0]);
        return original.apply(this, args);
      };
    };
    const sync = fs as unknown as Record<string, unknown>;
    const promises = fs.promises as unknown as Record<string, unknown>;
    for (const key of ["rm", "rmSync", "rmdir", "rmdirSync", "unlink", "unlinkSync"])
      wrap(sync, key);
    for (const key of ["rm", "rmdir", "unlink"]) wrap(promises, key);
  }

  private async check(notOurs: Set<string>): Promise<string[]> {
    const files: string[] = [];
    walk(this.root, files);
    this.checked = files.length;
    if (files.length === 0) return [];
    const name = (file: string) => path.relative(this.root, file);
    const problems: string[] = [];
    const hashes = new Map<string, string>();
    const fresh: string[] = [];
    for (const file of files) {
      const bytes = new Uint8Array(fs.readFileSync(file));
      const hash = sha256(bytes);
      if (notOurs.has(hash) || state.sound.has(hash) || [...hashes.values()].includes(hash))
        continue;
      hashes.set(file, hash);
      fresh.push(file);
      for (const problem of strictProblems(bytes)) problems.push(`${name(file)}: ${problem}`);
    }
    const failed = problems.concat(fresh.length > 0 ? await this.open(fresh, name) : []);
    for (const [file, hash] of hashes)
      if (!failed.some((p) => p.startsWith(`${name(file)}: `))) state.sound.add(hash);
    return failed;
  }

  /** openpyxl and LibreOffice open the files: one Python launch, through this worker's LibreOffice. */
  private async open(files: string[], name: (f: string) => string): Promise<string[]> {
    const pipe = await office();
    let stdout: string;
    try {
      ({ stdout } = await run(PYTHON, [OPEN_SCRIPT, pipe ?? "-", ...files], {
        maxBuffer: 16 * 1024 * 1024,
        timeout: 600_000,
        env: { ...process.env, TMPDIR: REAL_TMP },
      }));
    } catch (e) {
      if (!fs.existsSync(PYTHON))
        return missing("python3").concat(await this.libreOffice(files, name));
      throw e;
    }
    const result = JSON.parse(stdout) as {
      openpyxl: boolean;
      uno: boolean;
      problems: Record<string, string[]>;
    };
    const problems = Object.entries(result.problems).flatMap(([f, why]) =>
      why.map((w) => `${name(f)}: ${w}`)
    );
    if (!result.openpyxl && files.some((f) => /\.xlsx$/i.test(f)))
      problems.push(...missing("python3-openpyxl"));
    // Without UNO (python3-uno), a LibreOffice launch of its own converts them all.
    if (!result.uno) problems.push(...(await this.libreOffice(files, name)));
    return problems;
  }

  private async libreOffice(files: string[], name: (f: string) => string): Promise<string[]> {
    if (!SOFFICE) return missing("LibreOffice (soffice)");
    const out = fs.mkdtempSync(path.join(REAL_TMP, "ntm-strict-lo-out-"));
    try {
      // Same base names from different folders would overwrite each other's output: one link per file, numbered.
      const links = fs.mkdtempSync(path.join(REAL_TMP, "ntm-strict-lo-in-"));
      const inputs = files.map((f, i) => {
        const link = path.join(links, `${i}${path.extname(f).toLowerCase()}`);
        fs.symlinkSync(f, link);
        return link;
      });
      try {
        await run(
          SOFFICE,
          [
            `-env:UserInstallation=file://${PROFILE}-convert`,
            "--headless",
            "--norestore",
            "--convert-to",
            "html",
            "--outdir",
            out,
            ...inputs,
          ],
          {
            timeout: 300_000,
            maxBuffer: 16 * 1024 * 1024,
            env: { ...process.env, TMPDIR: REAL_TMP },
          }
        );
      } finally {
        fs.rmSync(links, { recursive: true, force: true });
      }
      const made = new Set(fs.readdirSync(out));
      return files
        .filter((_, i) => !made.has(`${i}.html`))
        .map((f) => `${name(f)}: LibreOffice could not open it`);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }
}

function missing(tool: string): string[] {
  if (process.env.CI === "true")
    return [`${tool} is required under CI=true to check the written files, and is missing`];
  if (!state.toolsSaid) {
    state.toolsSaid = true;
    process.stderr.write(
      `Bỏ qua một phần kiểm tra tệp đã ghi: thiếu ${tool} / strict file check partly skipped: ${tool} is missing\n`
    );
  }
  return [];
}
