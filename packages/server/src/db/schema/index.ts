export * from "./applications.ts";
export * from "./audit.ts";
export * from "./calls.ts";
export * from "./experts.ts";
export * from "./identity.ts";
export * from "./integrity.ts";
export * from "./reference.ts";
export * from "./units.ts";
