import { defaultSheetChoices, guessInputSheet, keepSheetChoices } from "../../src/taskpane/inputs";
import { formatCell } from "../../src/taskpane/format";
import { detectLanguage } from "../../src/taskpane/i18n";
import { FORMATS } from "../../src/workbook/output";

describe("suggesting input sheets", () => {
  const sheets = ["Xã", "Nguồn vốn", "Mau_ChiPhi", "KQ_TongHop"];

  it("suggests sheets by name with or without diacritics, and the template's own sheet first", () => {
    expect(guessInputSheet("communes", sheets)).toBe("Xã");
    expect(guessInputSheet("budget", sheets)).toBe("Nguồn vốn");
    expect(guessInputSheet("costs", sheets)).toBe("Mau_ChiPhi");
    expect(guessInputSheet("communes", ["Mau_Xa", "Xa"])).toBe("Mau_Xa");
    expect(guessInputSheet("brackets", sheets)).toBeUndefined();
  });

  it("keeps the user's choices after the sheet list changes, unless the sheet is gone", () => {
    const inputs = [
      { id: "communes", kind: "communes" as const, label: { vi: "", en: "" }, required: true },
      { id: "budget", kind: "budget" as const, label: { vi: "", en: "" }, required: false },
    ];
    const kept = keepSheetChoices(
      inputs,
      [...sheets, "KQ_DemXa"],
      { communes: "Mau_ChiPhi", budget: "Cũ" },
      "-"
    );
    expect(kept).toEqual({ communes: "Mau_ChiPhi", budget: "Nguồn vốn" });
    expect(keepSheetChoices(inputs, sheets, { communes: undefined, budget: "-" }, "-")).toEqual({
      communes: "Xã",
      budget: "-",
    });
  });

  it("never suggests a result sheet the add-in wrote", () => {
    const choices = defaultSheetChoices(
      [{ id: "communes", kind: "communes", label: { vi: "", en: "" }, required: true }],
      ["KQ_Xa"]
    );
    expect(choices).toEqual({ communes: undefined });
  });
});

describe("preview formatting", () => {
  it("formats figures the Vietnamese way by each column's Excel format", () => {
    expect(formatCell(3602312, FORMATS.count)).toBe("3.602.312");
    expect(formatCell(18.625, FORMATS.average)).toBe("18,63");
    expect(formatCell(0.0621, FORMATS.share)).toMatch(/^6,21\s?%$/);
    expect(formatCell(0.243, FORMATS.ratio)).toBe("0,243");
    expect(formatCell({ error: "#DIV/0!" })).toBe("#DIV/0!");
    expect(formatCell(null, FORMATS.count)).toBe("");
  });

  it("speaks Vietnamese unless the host is in English", () => {
    expect(detectLanguage("vi-VN")).toBe("vi");
    expect(detectLanguage("en-US")).toBe("en");
    expect(detectLanguage("fr-FR")).toBe("vi");
    expect(detectLanguage(undefined)).toBe("vi");
  });
});
