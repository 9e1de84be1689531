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

/**
 * Checks a budget against the rules of the city's policy in force (LY-FUNDS §16 …). A program the
 * city does not have is refused with the list of those it has: checking without that program's caps
 * would answer "no violations" for a budget nobody could submit.
 */
export function checkCityBudget(
  deps: { policies: readonly Policy[] },
  input: { now: Date; city: string; budget: BudgetInput },
) {
  const policy = policyInForce(deps.policies, input.city, input.now);
  const { program } = input.budget;
  if (program !== undefined && !policy.programs.some((p) => p.code === program)) {
    const listZh = policy.programs.map((p) => `${p.code}（${p.nameZh}）`).join("、");
    const listEn = policy.programs.map((p) => `${p.code} (${p.nameEn})`).join(", ");
    throw new DomainError({
      code: "BUDGET_UNKNOWN_PROGRAM",
      path: "program",
      messageZh: `${policy.cityNameZh}${policy.version}年政策中没有该计划类别；本市的计划类别为：${listZh}。`,
      messageEn: `The ${policy.cityNameEn} ${policy.version} policy has no such program; the city's programs are: ${listEn}.`,
      details: {
        programs: policy.programs.map((p) => ({ code: p.code, nameZh: p.nameZh, nameEn: p.nameEn })),
      },
    });
  }
  return checkBudget(policy, input.budget);
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
