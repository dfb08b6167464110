// Indicator-level status (2026-2030): indicators of a catalogue, commune groups, evaluation, 2030 share targets.

export * from "./catalogue";
export * from "./evaluate";
export * from "./targets";
