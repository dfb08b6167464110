// What a clerk does in the browser tests for what a job cannot default.

/**
 * The sample province states its counterpart ratio (1:1); to allocate an envelope (200.334 million, the 2024
 * central budget) the clerk inserts the coefficients template first (the sample has no coefficients sheet); a
 * roadmap needs its years and a yearly budget (counted in criteria at the default cost of 1, 120 ≈ 1.5 criteria
 * for each of 80 communes). Other jobs run on the sample with their defaults.
 */
export const CLERK_SETUP: Record<
  string,
  { templates?: string[]; options?: Record<string, string> }
> = {
  counterpart: { options: { ratio: "1" } },
  allocate: { templates: ["coefficients"], options: { total: "200.334" } },
  roadmap: { options: { budget: "120", from: "2024", to: "2025" } },
};
