import type { Policy } from "../../api/policies";
import { useCurrentUser } from "../auth/session";
import { useCurrentPolicy } from "../policies/hooks";

/**
 * 定向委托 as the city's policy allows it (DT-RULES §14): the reasons it may be given for, and the
 * programs that may be commissioned. A city whose documents do not name it (Luoyang) has neither.
 */
export function commissionRule(policy: Policy | undefined) {
  return policy?.decision.directedCommission ?? null;
}

export function commissionPrograms(policy: Policy | undefined) {
  return policy?.programs.filter((p) => p.selectionModes.some((m) => m.mode === "directedCommission")) ?? [];
}

/** The working days reasons stay public before the leader may approve. */
export function noticeWorkingDays(policy: Policy | undefined): number | null {
  return policy?.decision.publicNotice?.workingDays.value ?? null;
}

/** The signed-in user's city policy, newest version: what "the current rules" are for a new commission. */
export function useCityPolicy() {
  const me = useCurrentUser();
  return useCurrentPolicy(me.city?.code ?? "").policy;
}
