// Entry of the custom functions. Every function is registered as the script starts, but their code (the engine,
// the readers, zod) comes from its own chunk: loaded on the first call, or when the page is idle. The task pane's
// page loads this script too (shared runtime), so its first paint no longer waits for that code.

/** Each function's id in functions.json, its file (library.ts) and name: written by the build from the JSDoc. */
declare const __NTM_FUNCTIONS__: { id: string; file: string; name: string }[];

type Library = Record<string, Record<string, (...args: unknown[]) => unknown>>;

let library: Library | undefined;
let loading: Promise<Library> | undefined;

function load(): Promise<Library> {
  loading ??= import(/* webpackChunkName: "functions-code" */ "./library").then(
    (m) => (library = m.LIBRARY as unknown as Library),
    (e: unknown) => {
      loading = undefined; // tried again on the next call
      throw e;
    }
  );
  return loading;
}

for (const { id, file, name } of __NTM_FUNCTIONS__) {
  // Once loaded, a call runs at once (a value, or the function's own error); before, it waits for the code.
  // (Excel passes one argument per parameter: apply, not a spread, by the project's lint rule.)
  CustomFunctions.associate(id, (...args: unknown[]) =>
    library
      ? library[file][name].apply(undefined, args)
      : load().then((l) => l[file][name].apply(undefined, args))
  );
}

const idle = (globalThis as { requestIdleCallback?: (f: () => void, o?: object) => number })
  .requestIdleCallback;
idle?.(() => void load().catch(() => undefined), { timeout: 5000 });
