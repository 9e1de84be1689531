import type { PolicySummary } from "@luoshu/contract";
import { notFound, type Policy, policyId } from "@luoshu/domain";

/** Policies are published rules: anyone may read them, as anyone may read the documents they cite. */
export function listPolicies(deps: { policies: readonly Policy[] }): PolicySummary[] {
  return deps.policies.map((p) => ({
    id: policyId(p),
    city: p.city,
    version: p.version,
    effectiveFrom: p.effectiveFrom,
    cityNameZh: p.cityNameZh,
    cityNameEn: p.cityNameEn,
    titleZh: p.titleZh,
    titleEn: p.titleEn,
  }));
}

export function getPolicy(
  deps: { policies: readonly Policy[] },
  input: { city: string; version: string },
): Policy {
  const p = deps.policies.find((x) => x.city === input.city && x.version === input.version);
  if (!p) {
    throw notFound(
      `没有 ${input.city} 的 ${input.version} 版政策。`,
      `No policy ${input.city}/${input.version}.`,
    );
  }
  return p;
}
