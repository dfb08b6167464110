// ESLint: the Office add-in rules (office-addin-lint) for all sources; TypeScript itself checks undefined names.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

export default [
  ...officeAddins.configs.recommended,
  {
    plugins: { "office-addins": officeAddins },
    languageOptions: { parser: tsParser },
  },
  {
    files: ["**/*.ts", "**/*.tsx"],
    rules: { "no-undef": "off" },
  },
  {
    // An array spread into a call's arguments puts every element on the stack: Math.max(...values) and
    // push(...rows) throw "Maximum call stack size exceeded" past about 125,000 elements. Loops instead.
    files: ["src/**/*.ts", "src/**/*.tsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression > SpreadElement, NewExpression > SpreadElement",
          message:
            "No spread into call arguments (stack overflow on large arrays): use a loop, reduce or concat.",
        },
      ],
    },
  },
];
