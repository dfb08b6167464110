// Web Worker entry: solves one mixed-integer program with HiGHS and posts the result (see worker-solver.ts).

import { highsSolver } from "../engine/targets/highs-solver";
import type { MixedProgram } from "../engine/targets/solver";
import type { SolverReply } from "./worker-solver";

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<MixedProgram>) => void) | null;
  postMessage(reply: SolverReply): void;
};

scope.onmessage = (event) => {
  highsSolver.solve(event.data).then(
    (ok) => scope.postMessage({ ok }),
    (e: unknown) => scope.postMessage({ error: e instanceof Error ? e.message : String(e) })
  );
};
