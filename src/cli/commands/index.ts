// The CLI's commands, in the order `ntm-plan --help` lists them. Each lives in its own module.

import type { CliCommand } from "../command";
import { sheetsCommand } from "./sheets";
import { summaryCommand } from "./summary";

export const commands: CliCommand[] = [sheetsCommand, summaryCommand];
