/**
 * The API contract: request and response schemas of every route, shared by the server (which
 * validates and documents with them) and the web (which takes its types from them). Nothing here
 * is written twice: a response the server builds that does not fit fails its type check.
 */
export * from "./applications.ts";
export * from "./audit.ts";
export * from "./auth.ts";
export * from "./budget.ts";
export * from "./challenges.ts";
export * from "./decisions.ts";
export * from "./execution.ts";
export * from "./experts.ts";
export * from "./guides.ts";
export * from "./integrity.ts";
export * from "./joint.ts";
export * from "./needs.ts";
export * from "./problem.ts";
export * from "./project-life.ts";
export * from "./rectifications.ts";
export * from "./reference.ts";
export * from "./reviews.ts";
export * from "./shared.ts";
export * from "./subsidy-use.ts";
export * from "./supervision.ts";
export * from "./tracking.ts";
export * from "./units.ts";
export * from "./users.ts";
export * from "./workspace.ts";
