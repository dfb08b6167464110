// The zip guard's memory bound: one rule (three quarters of the runtime's heap, at most 3 GB, 3 GB where the heap is
// not stated), the heap taken from Node in the CLI and from Chromium's performance.memory in the web app.

import { getHeapStatistics } from "node:v8";
import "../../src/cli/io";
import { browserHeapLimit } from "../../src/taskpane/heap-limit";
import { MEMORY_BYTES, memoryBound, XLSX_LIMITS } from "../../src/workbook/adapters/xlsx-guard";

describe("the memory bound: one rule, the runtime's heap (Node's for the CLI, Chromium's for the web app)", () => {
  const GB = 1024 ** 3;

  it("is three quarters of a stated heap, at most 3 GB, and 3 GB where no heap is stated", () => {
    expect(memoryBound(2 * GB)).toBe(1.5 * GB);
    expect(memoryBound(16 * GB)).toBe(MEMORY_BYTES);
    expect(MEMORY_BYTES).toBe(3 * GB);
    for (const unknown of [undefined, 0, -1, NaN, Infinity])
      expect(memoryBound(unknown)).toBe(MEMORY_BYTES);
  });

  it("the CLI takes Node's heap", () => {
    // src/cli/io.ts, imported above, set it from this process's heap.
    expect(XLSX_LIMITS.memoryBytes).toBe(memoryBound(getHeapStatistics().heap_size_limit));
  });

  it("the web app takes Chromium's performance.memory.jsHeapSizeLimit, and nothing from a browser without it", () => {
    expect(browserHeapLimit({ memory: { jsHeapSizeLimit: 4_294_705_152 } })).toBe(4_294_705_152);
    expect(browserHeapLimit({})).toBeUndefined();
    expect(browserHeapLimit(undefined)).toBeUndefined();
    expect(browserHeapLimit({ memory: { jsHeapSizeLimit: "4GB" } })).toBeUndefined();
    expect(browserHeapLimit({ memory: { jsHeapSizeLimit: 0 } })).toBeUndefined();
  });
});
