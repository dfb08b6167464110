// Year-by-year projection of communes towards the standard, and period targets.

export * from "./project";
export * from "./indicators";
