// functions.js registers every function named in the metadata (from the JSDoc of the files in files.json) and calls
// it in the lazily loaded library by its file and name: each must be there, or Excel would show #VALUE! for it.

import path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { LIBRARY } from "../../src/functions/library";
import files from "../../src/functions/files.json";

jest.setTimeout(60_000);

describe("the custom functions' library", () => {
  it("holds every function the metadata declares, under its file's name", async () => {
    const dir = path.join(__dirname, "../../src/functions");
    const result = await generateCustomFunctionsMetadata(
      files.map((f) => path.join(dir, f)),
      false
    );
    expect(result.errors).toEqual([]);
    expect(result.associate.length).toBeGreaterThan(15);
    const library = LIBRARY as unknown as Record<string, Record<string, unknown>>;
    expect(Object.keys(library).sort()).toEqual(files.map((f) => path.basename(f, ".ts")).sort());
    const missing = result.associate.filter((a) => {
      const file = path.basename(a.sourceFileName, path.extname(a.sourceFileName));
      return typeof library[file]?.[a.functionName] !== "function";
    });
    expect(missing).toEqual([]);
  });
});
