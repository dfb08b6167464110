/** Jest: TypeScript through ts-jest; unit tests under test/, browser tests only with E2E=1. */
module.exports = {
  // Node, plus the strict check of every .xlsx and .docx a test file writes (test/support/strict-environment.ts).
  testEnvironment: "<rootDir>/test/support/strict-environment.ts",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: process.env.E2E ? [] : ["/test/e2e/"],
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
