// The one number rule reads exponent notation, as JavaScript and Excel print numbers in text and CSV ("5e-324",
// "1.23E+15", Vietnamese Excel "1,23E+15"), keeping every other rule; texts that are not numbers stay refused.

import fc from "fast-check";
import { numberTextOutOfRange, parseNumberText, readNumber } from "../../src/engine/numbers";

const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
const digits = fc.integer({ min: 0, max: 20 });

/** Excel's way: capital E, a signed power of at least two digits ("1.23E+15", "5E-324"). */
function excelStyle(js: string): string {
  return js.replace(
    /e([+-])(\d+)$/,
    (_, sign: string, power: string) => `E${sign}${power.padStart(2, "0")}`
  );
}

describe("exponent notation in the one number rule", () => {
  it("reads any finite double printed by toExponential back to the same number", () => {
    fc.assert(
      fc.property(finite, (n) => {
        const parsed = parseNumberText(n.toExponential());
        return parsed !== null && parsed.value === n && !parsed.ambiguous;
      }),
      { numRuns: 5000 }
    );
  });

  it("reads toExponential(d) to the number that text names, Excel's way and with a Vietnamese decimal comma", () => {
    fc.assert(
      fc.property(
        finite,
        digits,
        fc.constantFrom("vi", "en") as fc.Arbitrary<"vi" | "en">,
        (n, d, prefer) => {
          const js = n.toExponential(d);
          const named = Number(js);
          const excel = excelStyle(js);
          const vietnamese = excel.replace(".", ",");
          return [js, excel, vietnamese, `  ${excel} `].every((t) => {
            const parsed = parseNumberText(t, prefer);
            // Rounded up past the largest double ("2e+308"): a number, refused as out of range.
            if (!Number.isFinite(named)) return parsed === null && numberTextOutOfRange(t);
            return parsed !== null && parsed.value === named && !parsed.ambiguous;
          });
        }
      ),
      { numRuns: 3000 }
    );
  });

  it("reads the texts Excel writes in CSV files", () => {
    expect(parseNumberText("1.23E+15")!.value).toBe(1.23e15);
    expect(parseNumberText("1,23E+15")!.value).toBe(1.23e15);
    expect(parseNumberText("5e-324")!.value).toBe(5e-324);
    expect(parseNumberText("-4.9E-324")!.value).toBe(-5e-324);
    expect(parseNumberText("1E-05")!.value).toBe(1e-5);
    expect(parseNumberText("1.7976931348623157e+308")!.value).toBe(Number.MAX_VALUE);
    // A percent and a bracketed negative, as elsewhere in the rule.
    expect(parseNumberText("6.21E+00%")!.value).toBeCloseTo(0.0621, 12);
    expect(parseNumberText("(1,5E+03)")!.value).toBe(-1500);
    // Not ambiguous: a mantissa is never grouped in thousands, so its one mark is the decimal mark.
    expect(readNumber("1.234E+05")).toEqual({ value: 123400, percent: false, ambiguity: null });
    expect(readNumber("1,234E+05")).toEqual({ value: 123400, percent: false, ambiguity: null });
  });

  it("keeps every other rule: thousands '.', decimal ',', the ambiguous text and its two readings", () => {
    expect(parseNumberText("3.602.312")).toMatchObject({ value: 3602312, ambiguous: false });
    expect(parseNumberText("1.234,5")).toMatchObject({ value: 1234.5, ambiguous: false });
    expect(parseNumberText("18,63")).toMatchObject({ value: 18.63, ambiguous: false });
    expect(readNumber("16,000")!.ambiguity).not.toBeNull();
    expect(readNumber("1.000")!.value).toBe(1000);
  });

  it("keeps refusing texts that are not numbers", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 0, max: 400 }),
        fc.constantFrom("e", "E"),
        (m, p, e) =>
          [
            `${m}${e}`,
            `${e}${p}`,
            `${m}${e}+`,
            `${m}${e}${p}${e}${p}`,
            `${m}${e}${e}${p}`,
            `${m}${e}+-${p}`,
            `${m}${e}${p}.5`,
            `${m}${e}${p},5`,
            `1.234.567${e}${p}`,
            `1,234.5${e}${p}`,
            `1.234,5${e}${p}`,
            `.${m}${e}${p}`,
            `${m}.${e}${p}`,
            `0x${m}${e}${p}`,
            `${m} ${e}x${p}`,
            `${m}${e}${p}%%`,
          ].every((t) => parseNumberText(t) === null && !numberTextOutOfRange(t))
      ),
      { numRuns: 500 }
    );
    for (const t of ["e", "E5", "Infinity", "-Infinity", "NaN", "1e", "1e+", "mười e5"])
      expect(parseNumberText(t)).toBeNull();
  });

  it("refuses a number no double holds, and says it is one (too large or too small, never read as 0)", () => {
    for (const t of [
      "1e400",
      "-1E+309",
      "1e-400",
      "2e-324",
      "0,1E-323",
      "5e-324%",
      "9".repeat(400),
    ]) {
      expect([t, parseNumberText(t)]).toEqual([t, null]);
      expect([t, numberTextOutOfRange(t)]).toEqual([t, true]);
    }
    // Zero written with an exponent is 0.
    expect(parseNumberText("0e+00")!.value).toBe(0);
    expect(parseNumberText("0,000E-400")!.value).toBe(0);
    expect(numberTextOutOfRange("mười")).toBe(false);
    expect(numberTextOutOfRange("12")).toBe(false);
  });
});
