// parseNumberText on anything: never throws, gives a finite number or null, reads both conventions, and says
// when it had to choose between them.

import fc from "fast-check";
import { parseNumberText } from "../../src/engine/numbers";
import { enNumberText, junkValue, viNumberText } from "./generators";

const text = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.stringMatching(/^[-(]?[0-9.,\s\u00a0]{0,14}[%)]?$/),
  junkValue.map((v) => String(v))
);

describe("parseNumberText on generated text", () => {
  it("never throws and returns null or a finite number", () => {
    fc.assert(
      fc.property(text, fc.constantFrom<"vi" | "en">("vi", "en"), (t, prefer) => {
        const parsed = parseNumberText(t, prefer);
        return parsed === null || Number.isFinite(parsed.value);
      }),
      { numRuns: 2000 }
    );
  });

  it.each([
    ["Vietnamese", viNumberText, "vi"],
    ["English", enNumberText, "en"],
  ] as const)(
    "reads %s text back to the number written (preferring that style)",
    (_, write, prefer) => {
      fc.assert(
        fc.property(
          fc.integer({ min: -1e12, max: 1e12 }),
          fc.integer({ min: 0, max: 99 }),
          (int, cents) => {
            const n = int + (int < 0 ? -cents : cents) / 100;
            const parsed = parseNumberText(write(n), prefer);
            return parsed !== null && Math.abs(parsed.value - n) < 1e-6 * Math.max(1, Math.abs(n));
          }
        ),
        { numRuns: 2000 }
      );
    }
  );

  it("flags as ambiguous exactly the texts with one separator before three digits", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999 }),
        fc.integer({ min: 0, max: 999 }),
        fc.constantFrom(".", ","),
        (head, tail, sep) => {
          const t = `${head}${sep}${String(tail).padStart(3, "0")}`;
          const vi = parseNumberText(t, "vi")!;
          const en = parseNumberText(t, "en")!;
          const thousands = head * 1000 + tail;
          const decimal = head + tail / 1000;
          return (
            vi.ambiguous &&
            en.ambiguous &&
            vi.style === "vi" &&
            en.style === "en" &&
            Math.abs(vi.value - (sep === "." ? thousands : decimal)) < 1e-9 &&
            Math.abs(en.value - (sep === "." ? decimal : thousands)) < 1e-9
          );
        }
      ),
      { numRuns: 1000 }
    );
  });

  it("does not call a text ambiguous when only one reading is possible", () => {
    expect(parseNumberText("3.602.312")).toMatchObject({
      value: 3602312,
      style: "vi",
      ambiguous: false,
    });
    expect(parseNumberText("3,602,312")).toMatchObject({
      value: 3602312,
      style: "en",
      ambiguous: false,
    });
    expect(parseNumberText("6,21%")!.value).toBeCloseTo(0.0621, 10);
    expect(parseNumberText("6.21%")!.value).toBeCloseTo(0.0621, 10);
    expect(parseNumberText("18,63")).toMatchObject({ value: 18.63, ambiguous: false });
    expect(parseNumberText("1.234,5")).toMatchObject({
      value: 1234.5,
      style: "vi",
      ambiguous: false,
    });
  });

  it("refuses text that is not a number in either convention", () => {
    for (const t of [
      "1.234,5,6",
      "1e309",
      "NaN",
      "Infinity",
      "0x10",
      "mười sáu",
      "1,,2",
      "--1",
      "1.2.3,4.5",
    ]) {
      expect(parseNumberText(t)).toBeNull();
    }
    expect(parseNumberText("9".repeat(400))).toBeNull();
  });
});
