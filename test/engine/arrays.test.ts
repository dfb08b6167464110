import { maxOf, minOf, prependAll, pushAll } from "../../src/engine/arrays";

describe("arrays of any length", () => {
  const big = Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 300_001);

  it("finds the largest and smallest of 300,000 values without a stack overflow", () => {
    expect(maxOf(big)).toBe(big.reduce((a, b) => (b > a ? b : a)));
    expect(minOf(big)).toBe(big.reduce((a, b) => (b < a ? b : a)));
  });

  it("gives the stated value for no values, as Math.max() and Math.min() do by default", () => {
    expect(maxOf([])).toBe(-Infinity);
    expect(minOf([])).toBe(Infinity);
    expect(maxOf([], 0)).toBe(0);
  });

  it("appends and prepends 300,000 items in order, keeping the target array", () => {
    const target = [-1];
    expect(pushAll(target, big)).toBe(target);
    expect(target.length).toBe(big.length + 1);
    expect(target[big.length]).toBe(big[big.length - 1]);
    const front = ["b", "c"];
    expect(prependAll(front, ["a0", "a1"])).toBe(front);
    expect(front).toEqual(["a0", "a1", "b", "c"]);
  });
});
