// Every family of custom functions, by its file's name (files.json): the code the entry (index.ts) loads on the
// first call.

import * as allocation from "./allocation";
import * as criteria from "./criteria";
import * as indicatorTargets from "./indicator-targets";
import * as indicators from "./indicators";
import * as money from "./money";
import * as targets from "./targets";

export const LIBRARY = {
  criteria,
  targets,
  money,
  allocation,
  indicators,
  "indicator-targets": indicatorTargets,
};
