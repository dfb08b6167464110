// The CLI's commands, in the order `ntm-plan --help` lists them. Each lives in its own module.

import type { CliCommand } from "../command";
import { allocateCommand } from "./allocate";
import { collectCommand } from "./collect";
import { counterpartCommand } from "./counterpart";
import { fundingCommand } from "./funding";
import { mergeCommand } from "./merge";
import { planCommand } from "./plan";
import { reportCommand } from "./report";
import { roadmapCommand } from "./roadmap";
import { sheetsCommand } from "./sheets";
import { summaryCommand } from "./summary";
import { targetsCommand } from "./targets";
import { templateCommand } from "./template";

export const commands: CliCommand[] = [
  planCommand,
  summaryCommand,
  targetsCommand,
  fundingCommand,
  counterpartCommand,
  allocateCommand,
  roadmapCommand,
  mergeCommand,
  collectCommand,
  reportCommand,
  sheetsCommand,
  templateCommand,
];
