import type { Violation } from "../shared/errors.ts";

/**
 * A district recommends (LY-FUNDS §8 初审、上报（推荐）) and ranks its recommendations, within the
 * guide's per-district quota: no document sets a quota, so the refusal names the guide's own setting,
 * never a clause. Returns carry reasons and a deadline for the revision.
 */
export function checkRecommendation(opts: {
  quota: number | undefined;
  alreadyRecommended: number;
  rank: number;
}): Violation[] {
  const out: Violation[] = [];
  if (opts.quota !== undefined && opts.alreadyRecommended >= opts.quota) {
    out.push({
      code: "DISTRICT_QUOTA_FULL",
      messageZh: `本指南设定的每个县区推荐名额（${opts.quota} 项）已用完。`,
      messageEn: `The guide's quota of ${opts.quota} recommendations per district is used up.`,
      setting: "guide",
    });
  }
  if (!Number.isInteger(opts.rank) || opts.rank < 1) {
    out.push({
      code: "VALIDATION",
      messageZh: "推荐次序应为正整数。",
      messageEn: "The rank must be a positive whole number.",
      path: "rank",
    });
  }
  return out;
}

export function checkReturn(opts: { reason: string; deadline: Date | null; now: Date }): Violation[] {
  const out: Violation[] = [];
  if (opts.reason.trim().length < 2) {
    out.push({
      code: "VALIDATION",
      messageZh: "请填写退回理由。",
      messageEn: "Give the reason.",
      path: "reason",
    });
  }
  if (!opts.deadline || opts.deadline <= opts.now) {
    out.push({
      code: "VALIDATION",
      messageZh: "修改期限应晚于当前时间。",
      messageEn: "The revision deadline must be in the future.",
      path: "deadline",
    });
  }
  return out;
}
