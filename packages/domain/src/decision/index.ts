export * from "./directed-commission.ts";
export * from "./joint-research.ts";
export * from "./list-rules.ts";
export * from "./open-challenge.ts";
export * from "./project-number.ts";
export * from "./proposed-list.ts";
export * from "./working-days.ts";
