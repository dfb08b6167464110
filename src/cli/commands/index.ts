// The CLI's commands, in the order `ntm-plan --help` lists them. Each lives in its own module.

import type { CliCommand } from "../command";
import { allocateCommand } from "./allocate";
import { roadmapCommand } from "./roadmap";
import { sheetsCommand } from "./sheets";

export const commands: CliCommand[] = [sheetsCommand, allocateCommand, roadmapCommand];
