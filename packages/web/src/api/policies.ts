import type { Policy as DomainPolicy, Source } from "@luoshu/domain";
import { apiFetch } from "./client";

/** The fields that say what a thing is: they pick a union's member and key a list, so they stay required. */
type Identifying = "kind" | "code" | "city" | "version";

/**
 * A domain type as the web reads it: every other field optional, all the way down. Policy files are
 * data that evolves, and the browser must still render what it can rather than crash on a section it
 * does not know yet; deriving the shape keeps it in step with packages/domain's policy schema.
 */
export type Lenient<T> = T extends readonly (infer Item)[]
  ? Lenient<Item>[]
  : T extends object
    ? { [K in keyof T as K extends Identifying ? K : never]: T[K] } & {
        [K in keyof T as K extends Identifying ? never : K]?: Lenient<T[K]>;
      }
    : T;

export type Policy = Lenient<DomainPolicy>;
export type PolicySource = Lenient<Source>;
export type PolicyProgram = NonNullable<Policy["programs"]>[number];
export type PolicyCategory = NonNullable<NonNullable<Policy["budget"]>["categories"]>[number];
export type IndirectCostRule = NonNullable<Policy["indirectCost"]>;
export type PostSubsidyRule = NonNullable<Policy["postSubsidy"]>;
/** One entry of the policy list: the heading fields, without the rules. */
export type PolicySummary = Pick<
  Policy,
  "city" | "version" | "cityNameZh" | "cityNameEn" | "titleZh" | "titleEn" | "effectiveFrom"
>;

export async function fetchPolicies(): Promise<PolicySummary[]> {
  // accept a bare array or a list envelope: the list endpoint's wrapper is not pinned down
  const body = await apiFetch<PolicySummary[] | { items?: PolicySummary[]; policies?: PolicySummary[] }>(
    "/policies",
  );
  if (Array.isArray(body)) return body;
  return body.items ?? body.policies ?? [];
}

export function fetchPolicy(city: string, version: string): Promise<Policy> {
  return apiFetch(`/policies/${encodeURIComponent(city)}/${encodeURIComponent(version)}`);
}
