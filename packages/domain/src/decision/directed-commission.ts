import type { Policy } from "../policy/policy.schema.ts";
import { citeSource } from "../policy/policy.schema.ts";
import { DomainError } from "../shared/errors.ts";
import { defineMachine } from "../shared/machine.ts";

/**
 * 定向委托 (DT-RULES §14): a project given to a named unit without competition, allowed only for
 * the reasons the policy lists (state secrets, a single supplier, urgent work), and only after its
 * reasons and decision basis have been public for the city's notice period. The machine has no
 * way from a draft to approval that skips the notice.
 */
export const directedCommissionStates = ["draft", "inNotice", "approved", "cancelled"] as const;
export type DirectedCommissionState = (typeof directedCommissionStates)[number];

const officer = ["programOfficer"] as const;

export const directedCommissionMachine = defineMachine({
  name: "directedCommission",
  states: directedCommissionStates,
  labels: {
    draft: { zh: "拟订中", en: "being drafted" },
    inNotice: { zh: "定向理由公示中", en: "reasons in public notice" },
    approved: { zh: "已立项", en: "approved" },
    cancelled: { zh: "已撤销", en: "cancelled" },
  },
  transitions: {
    publish: { from: ["draft"], to: "inNotice", roles: officer },
    approve: { from: ["inNotice"], to: "approved", roles: ["bureauLeader"] },
    cancel: { from: ["draft", "inNotice"], to: "cancelled", roles: officer },
  },
});
export type DirectedCommissionEvent = keyof typeof directedCommissionMachine.transitions;

/** Refuses a commission the city's policy does not allow: the program, or the reason. */
export function checkDirectedCommission(policy: Policy, program: string, reason: string): void {
  const rule = policy.decision.directedCommission;
  const mode = policy.programs
    .find((p) => p.code === program)
    ?.selectionModes.find((m) => m.mode === "directedCommission");
  if (!rule || !mode) {
    throw new DomainError({
      code: "DECISION_NOT_APPLICABLE",
      messageZh: `${policy.cityNameZh}政策中该计划类别不采取定向委托方式。`,
      messageEn: `The ${policy.cityNameEn} policy does not commission this program directly.`,
      path: "program",
    });
  }
  if (!rule.reasons.some((r) => r.code === reason)) {
    throw new DomainError({
      code: "DIRECTED_REASON_NOT_ALLOWED",
      messageZh: `定向委托仅适用于${rule.reasons.map((r) => r.nameZh).join("、")}等特殊情形。`,
      messageEn: `A directed commission is allowed only for: ${rule.reasons.map((r) => r.nameEn).join(", ")}.`,
      path: "reason",
      ...citeSource(rule.source),
    });
  }
}
