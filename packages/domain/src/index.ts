/**
 * The public API of @luoshu/domain: pure rules and types, no I/O. The server and the web import from
 * here only, never from a file inside the package.
 */
export * from "./budget/budget.rules.ts";
export * from "./identity/identifiers.ts";
export * from "./identity/role-assignment.ts";
export * from "./identity/roles.ts";
export * from "./identity/scope.ts";
export * from "./identity/unit.ts";
export * from "./policy/load-policies.ts";
export * from "./policy/policy.schema.ts";
export * from "./shared/dates.ts";
export * from "./shared/errors.ts";
export * from "./shared/money.ts";
