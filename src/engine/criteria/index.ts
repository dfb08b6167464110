// Criteria of communes: lists, marks, bands and the province summary.

export * from "./list";
export * from "./marks";
export * from "./bands";
export * from "./summary";
export * from "./cells";
