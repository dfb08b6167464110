// Allocation of an envelope by coefficients or need.

export * from "./allocate";
