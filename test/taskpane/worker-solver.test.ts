import { createWorkerSolver, type SolverReply } from "../../src/taskpane/worker-solver";
import type { MixedProgram } from "../../src/engine/targets/solver";

/** A stand-in for a Web Worker: answers after `delayMs` unless terminated. */
class FakeWorker {
  static made: FakeWorker[] = [];
  onmessage: ((event: MessageEvent<SolverReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  received: MixedProgram | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  constructor(private delayMs: number) {
    FakeWorker.made.push(this);
  }
  postMessage(program: MixedProgram): void {
    this.received = program;
    this.timer = setTimeout(() => {
      if (!this.terminated)
        this.onmessage?.({
          data: { ok: { status: "optimal", values: [1], objective: 3, bound: 3 } },
        } as MessageEvent<SolverReply>);
    }, this.delayMs);
  }
  terminate(): void {
    this.terminated = true;
    // A terminated worker answers nothing: its pending reply is dropped (no timer left open after the test).
    clearTimeout(this.timer);
  }
}

const program: MixedProgram = {
  sense: "max",
  objective: [3],
  columnUpper: [1],
  integer: [true],
  rowStarts: [0],
  rowIndices: [],
  rowValues: [],
  rowLower: [],
  rowUpper: [],
  absoluteGap: 0.999,
};

describe("the exact solver in a Web Worker", () => {
  beforeEach(() => (FakeWorker.made = []));

  it("posts the program to a fresh worker and ends it once answered", async () => {
    const solver = createWorkerSolver(() => new FakeWorker(1) as unknown as Worker);
    await expect(solver.solve(program)).resolves.toMatchObject({ status: "optimal", objective: 3 });
    expect(FakeWorker.made).toHaveLength(1);
    expect(FakeWorker.made[0].received).toBe(program);
    expect(FakeWorker.made[0].terminated).toBe(true);
  });

  it("terminates the worker and rejects at once when cancelled during a solve", async () => {
    const controller = new AbortController();
    const solver = createWorkerSolver(
      () => new FakeWorker(60_000) as unknown as Worker,
      controller.signal
    );
    const solving = solver.solve(program);
    controller.abort(new Error("Đã hủy / Cancelled"));
    await expect(solving).rejects.toThrow("Cancelled");
    expect(FakeWorker.made[0].terminated).toBe(true);
  });

  it("starts no worker when already cancelled, and passes a worker's error on", async () => {
    const controller = new AbortController();
    controller.abort(new Error("cancelled"));
    const make = jest.fn(() => new FakeWorker(1) as unknown as Worker);
    await expect(createWorkerSolver(make, controller.signal).solve(program)).rejects.toThrow(
      "cancelled"
    );
    expect(make).not.toHaveBeenCalled();
    const failing = createWorkerSolver(() => {
      const w = new FakeWorker(1);
      w.postMessage = () =>
        setTimeout(() =>
          w.onmessage?.({ data: { error: "HiGHS failed" } } as MessageEvent<SolverReply>)
        );
      return w as unknown as Worker;
    });
    await expect(failing.solve(program)).rejects.toThrow("HiGHS failed");
  });
});
