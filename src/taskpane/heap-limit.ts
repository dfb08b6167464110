// The JavaScript heap's limit as the browser states it: Chromium (Edge, Chrome, the WebView2 of Excel on Windows)
// gives performance.memory.jsHeapSizeLimit; other browsers state none.

/** The heap limit in bytes the browser states, or undefined where it states none (or nothing usable). */
export function browserHeapLimit(
  perf: unknown = (globalThis as { performance?: unknown }).performance
): number | undefined {
  const memory = (perf as { memory?: { jsHeapSizeLimit?: unknown } } | undefined)?.memory;
  const limit = memory?.jsHeapSizeLimit;
  return typeof limit === "number" && Number.isFinite(limit) && limit > 0 ? limit : undefined;
}
