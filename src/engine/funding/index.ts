// Funding: budget lines by source, their mix, the sums that should agree, and the counterpart-funding check.

export * from "./types";
export * from "./categories";
export * from "./rounding";
export * from "./mix";
export * from "./compare";
export * from "./counterpart";
export * from "./eligibility";
