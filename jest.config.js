/** Jest: TypeScript through ts-jest; unit tests under test/, browser tests only with E2E=1. */
module.exports = {
  // Node, plus the strict check of every .xlsx and .docx a test file writes (test/support/strict-environment.ts).
  testEnvironment: "<rootDir>/test/support/strict-environment.ts",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: process.env.E2E ? [] : ["/test/e2e/"],
  // A timeout here guards against a hang, it does not judge speed (tests that bound a computation measure its CPU
  // time: test/support/cpu-clock.ts). Jest's 5 s default failed a CLI report test in a full run on a loaded machine
  // (two cores shared with LibreOffice, Python and other runs), where reading one workbook takes seconds.
  testTimeout: 60_000,
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      {
        tsconfig: {
          module: "CommonJS",
          moduleResolution: "Node",
          jsx: "react-jsx",
          isolatedModules: true,
        },
      },
    ],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  // office-addin-mock (in the fake Excel) needs only host names from office-addin-manifest, whose ESM dependencies
  // jest cannot load.
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/test/support/office-addin-manifest.ts",
  },
};
