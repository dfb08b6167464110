// Every family of custom functions, by file name: the code the entry (index.ts) loads on the first call.

export * as criteria from "./criteria";
export * as targets from "./targets";
export * as money from "./money";
export * as allocation from "./allocation";
export * as indicators from "./indicators";
