import {
  bandCaption,
  bandOf,
  DEFAULT_BANDS,
  defaultBandsSpec,
  parseBands,
} from "../../../src/engine/criteria";
import { InputError } from "../../../src/engine/errors";

describe("parseBands", () => {
  it("reads the report's bands", () => {
    expect(parseBands(DEFAULT_BANDS, 19)).toEqual([
      { label: "19", min: 19, max: 19 },
      { label: "15-18", min: 15, max: 18 },
      { label: "10-14", min: 10, max: 14 },
      { label: "5-9", min: 5, max: 9 },
      { label: "0-4", min: 0, max: 4 },
    ]);
  });

  it("reads 'under n' in Vietnamese and English, with spaces and other separators", () => {
    expect(parseBands("19; 15 – 18 | dưới 15", 19)).toEqual([
      { label: "19", min: 19, max: 19 },
      { label: "15-18", min: 15, max: 18 },
      { label: "Dưới 15", min: 0, max: 14 },
    ]);
    expect(parseBands("<5", 19)).toEqual([{ label: "Dưới 5", min: 0, max: 4 }]);
    expect(parseBands("under 5", 19)[0].max).toBe(4);
  });

  it.each([
    ["", /no band given/],
    ["19,18-15", /"18-15" is reversed/],
    ["20", /beyond 19 criteria/],
    ["19,15-19", /"19" and "15-19" overlap/],
    ["19,abc", /"abc" is not a band/],
    ["dưới 0", /is not a band/],
  ])("rejects %p", (spec, message) => {
    expect(() => parseBands(spec, 19)).toThrow(InputError);
    expect(() => parseBands(spec, 19)).toThrow(message);
  });

  it("derives default bands for catalogues of other sizes", () => {
    expect(defaultBandsSpec(19)).toBe(DEFAULT_BANDS);
    // The 2026-2030 set of 10 criteria reports "10, 8-9, 5-7, dưới 5" (issue #14).
    expect(defaultBandsSpec(10)).toBe("10,8-9,5-7,0-4");
    expect(defaultBandsSpec(7)).toBe("7,2-6,0-1");
    expect(() => parseBands(defaultBandsSpec(23), 23)).not.toThrow();
  });

  it("finds the band of a count, or none when the bands leave it out", () => {
    const bands = parseBands("19,15-18", 19);
    expect(bandOf(16, bands)?.label).toBe("15-18");
    expect(bandOf(12, bands)).toBeUndefined();
  });
});

describe("bandCaption", () => {
  it("names bands as the reports do, the lowest as 'under n'", () => {
    const [top, mid, , , low] = parseBands(DEFAULT_BANDS, 19);
    expect(bandCaption(top).vi).toBe("19 tiêu chí");
    expect(bandCaption(mid).vi).toBe("15-18 tiêu chí");
    expect(bandCaption(low)).toEqual({ vi: "Dưới 5 tiêu chí", en: "under 5 criteria" });
  });
});
