// Allocation of an envelope by coefficients or need, and by policies computed from commune attributes.

export * from "./allocate";
export * from "./policy";
export * from "./presets";
export * from "./by-policy";
