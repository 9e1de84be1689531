import {
  DomainError,
  type GuideContent,
  type Policy,
  selectPolicy,
  type Violation,
  validateGuide,
} from "@luoshu/domain";

/** The version of the city's policy in force, which a guide is written and checked against. */
export function policyInForceFor(policies: readonly Policy[], cityId: string | null, now: Date): Policy {
  const policy = cityId ? selectPolicy(policies, cityId, now) : undefined;
  if (!policy) throw new DomainError({ code: "POLICY_NOT_IN_FORCE" });
  return policy;
}

/** Every rule broken, the first as the error and all in `details.violations`. */
export function refuse(problems: Violation[]): void {
  if (problems[0]) throw new DomainError({ ...problems[0], details: { violations: problems } });
}

/** Every rule a guide breaks, the first as the error and all in `details.violations`. */
export function assertValidGuide(policy: Policy, content: GuideContent): void {
  refuse(validateGuide(policy, content));
}
