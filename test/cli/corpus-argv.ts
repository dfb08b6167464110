// The arguments each corpus test gives each command (the office corpus, its .xls twins): one place, so that a twin is
// run exactly as its .xlsx is.

const YEAR_ARGS = ["--year", "2024"];

export function corpusArgv(
  command: string,
  file: string,
  entry?: { args?: Record<string, string[]> },
  out = "report.docx"
): string[] {
  const own = entry?.args?.[command];
  const year = own ?? YEAR_ARGS;
  switch (command) {
    case "summary":
      return ["summary", file, ...year, "--json"];
    case "targets":
      return ["targets", file, "--budget", "16", "--max-per-commune", "3", ...year, "--json"];
    case "roadmap":
      return [
        "roadmap",
        file,
        "--budget",
        "1000",
        ...(own ?? ["--from", "2024", "--to", "2025"]),
        "--json",
      ];
    case "funding":
      return ["funding", file, "--json"];
    case "counterpart":
      return ["counterpart", file, "--ratio", "1", "--json"];
    case "allocate":
      return ["allocate", file, "--total", "1000", "--json"];
    case "merge":
      return ["merge", file, "--json"];
    case "report": {
      const to = own
        ? ["--to", String(Number(own[own.indexOf("--year") + 1]) + 1)]
        : ["--to", "2025"];
      return [
        "report",
        file,
        ...year,
        ...to,
        "--budget",
        "16",
        "--max-per-commune",
        "3",
        "--ratio",
        "1",
        "--total",
        "1000",
        "--out",
        out,
        "--json",
      ];
    }
    default:
      throw new Error(command);
  }
}
