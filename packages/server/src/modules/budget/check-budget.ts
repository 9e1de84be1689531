import {
  assertKnownCity,
  type BudgetInput,
  checkBudget,
  computePostSubsidy,
  DomainError,
  type PerformanceGrade,
  type Policy,
  selectPolicy,
} from "@luoshu/domain";

/** The city's policy version in force now; a city no policy file covers is refused as input. */
export function policyInForce(policies: readonly Policy[], city: string, now: Date): Policy {
  assertKnownCity(policies, city);
  const p = selectPolicy(policies, city, now);
  if (!p) {
    throw new DomainError({
      code: "POLICY_NOT_IN_FORCE",
      messageZh: "该城市当前没有生效的政策版本。",
      messageEn: "No policy version is in force for this city.",
    });
  }
  return p;
}

/** Checks a budget against the rules of the city's policy in force (LY-FUNDS §16 …). */
export function checkCityBudget(
  deps: { policies: readonly Policy[] },
  input: { now: Date; city: string; budget: BudgetInput },
) {
  return checkBudget(policyInForce(deps.policies, input.city, input.now), input.budget);
}

/** Post-subsidy from a performance grade (LY-REFORM §三(四)2), where the city's policy has one. */
export function computeCityPostSubsidy(
  deps: { policies: readonly Policy[] },
  input: { now: Date; city: string; program: string; grade: PerformanceGrade; verifiedRdFen: number },
) {
  const { now, city, ...rest } = input;
  const { amountFen, ratioBp, capFen, clause } = computePostSubsidy(
    policyInForce(deps.policies, city, now),
    rest,
  );
  return { amountFen, ratioBp, capFen, clause };
}
