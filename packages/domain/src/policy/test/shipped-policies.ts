import { readFileSync } from "node:fs";
import { loadPolicyFiles } from "../load-policies.ts";
import type { Policy } from "../policy.schema.ts";

const policiesDir = new URL("../../../../../policies/", import.meta.url);

/** The policy files the product ships, in file-name order: [datong, luoyang]. */
export function shippedPolicies(): [Policy, Policy] {
  const [datong, luoyang] = loadPolicyFiles(
    ["datong-2025.json", "luoyang-2025.json"].map((fileName) => ({
      fileName,
      text: readFileSync(new URL(fileName, policiesDir), "utf8"),
    })),
  );
  if (!datong || !luoyang) throw new Error("both shipped policies load");
  return [datong, luoyang];
}
