import { DomainError, noticePeriod, type Policy, selectPolicy } from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import { chinaWorkingDays } from "../../lib/working-day-calendar.ts";
import type { Repositories } from "../../repositories.ts";

// What the ways to a project besides a list share: the policy in force, a unit of the city, and
// the notice period of the city's public notice.

/** The caller's city and the policy version in force today, which a new commission or challenge is drawn under. */
export function policyInForce(
  policies: readonly Policy[],
  ctx: CallerContext,
): { cityId: string; policy: Policy } {
  const cityId = ctx.actor.cityId ?? "";
  const policy = selectPolicy(policies, cityId, ctx.now);
  if (!policy) throw new DomainError({ code: "DECISION_NOT_APPLICABLE" });
  return { cityId, policy };
}

/** Who took a recorded step, when, and with what note: the record every decision step keeps. */
export function stepRecordOf(ctx: CallerContext, note: string | null) {
  return { by: ctx.actor.userId, byName: ctx.actor.username, at: ctx.now.toISOString(), note };
}

/** Refuses a unit id that names no unit of the city. */
export async function mustBeCityUnit(
  units: Pick<Repositories["units"], "find">,
  cityId: string,
  unitId: string,
  path: string,
) {
  if (!(await units.find({ kind: "city", cityId }, unitId))) {
    throw new DomainError({
      code: "VALIDATION",
      path,
      messageZh: "本市没有该单位。",
      messageEn: "No such unit in the city.",
    });
  }
}

/** A notice put up now for the city's period of working days: when it starts and ends. */
export function noticeFrom(policy: Policy, now: Date): { noticeStartedAt: Date; noticeEndsAt: Date } {
  const days = policy.decision.publicNotice?.workingDays.value ?? 1;
  return { noticeStartedAt: now, noticeEndsAt: noticePeriod(chinaWorkingDays(), now, days).endsAt };
}
