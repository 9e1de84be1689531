import type { Role } from "../identity/roles.ts";
import { citeSource, type Policy, type Source } from "../policy/policy.schema.ts";
import type { Violation } from "../shared/errors.ts";
import { allowedEvents } from "../shared/machine.ts";
import { formatYuan } from "../shared/money.ts";
import { type GuideEvent, guideMachine } from "./guide.machine.ts";
import { closedCallViolations, type Guide, type GuideContent, validateGuide } from "./guide.ts";

/**
 * What publishing a guide needs beyond valid content: the finance bureau's co-issue where the policy
 * has guides issued together with it, and the leader's recorded reason for exceeding a cap the
 * documents state "in principle" (原则上). Caps stated without that word stay refusals (validateGuide).
 */

/** A recorded reason says something: a few characters at least, not a blank or a dot. */
export const minOverrideReasonLength = 5;

/** The source of the co-issue a guide of this program needs, or null when the bureau issues it alone. */
export function coIssueSource(policy: Policy, programCode: string): Source | null {
  const program = policy.programs.find((p) => p.code === programCode);
  const rule = policy.guideCoIssue;
  return program && rule?.fundingModes.includes(program.fundingMode) ? rule.source : null;
}

/**
 * The in-principle caps the guide exceeds, each with its clause: warnings for the leader to weigh.
 * `plannedElsewhere` counts the projects the program's other published guides of the same year plan.
 */
export function inPrincipleCapWarnings(
  policy: Policy,
  g: GuideContent,
  plannedElsewhere: number,
): Violation[] {
  const program = policy.programs.find((p) => p.code === g.program);
  if (!program) return [];
  const out: Violation[] = [];
  const cap = program.perProjectCapFen;
  if (cap?.inPrinciple && g.amountRange.maxFen > cap.amountFen) {
    out.push({
      code: "GUIDE_OVER_IN_PRINCIPLE_CAP",
      messageZh: `支持金额上限 ${formatYuan(g.amountRange.maxFen)} 超过政策“原则上”单个项目不超过 ${formatYuan(cap.amountFen)} 的规定。`,
      messageEn: `The maximum ${formatYuan(g.amountRange.maxFen)} exceeds the per-project cap of ${formatYuan(cap.amountFen)} the policy sets in principle.`,
      ...citeSource(cap.source),
      path: "amountRange.maxFen",
    });
  }
  const yearly = program.yearlyCap;
  const planned = plannedElsewhere + (g.plannedCount ?? 0);
  if (yearly?.inPrinciple && planned > yearly.count) {
    out.push({
      code: "GUIDE_OVER_IN_PRINCIPLE_CAP",
      messageZh: `${g.year} 年${program.nameZh}计划支持 ${planned} 项（含本年其他已发布指南 ${plannedElsewhere} 项），超过政策“原则上”每年不超过 ${yearly.count} 项的规定。`,
      messageEn: `${planned} ${program.nameEn} projects planned for ${g.year} (${plannedElsewhere} in other published guides) exceed the ${yearly.count} a year the policy sets in principle.`,
      ...citeSource(yearly.source),
      path: "plannedCount",
    });
  }
  return out;
}

/** Every reason the guide may not be published now; empty when it may. */
export function checkPublish(
  policy: Policy,
  guide: Pick<Guide, "content" | "coIssue">,
  opts: { overrideReason?: string; plannedElsewhere: number; now: Date },
): Violation[] {
  const out = [...validateGuide(policy, guide.content), ...closedCallViolations(guide.content, opts.now)];
  const coIssue = coIssueSource(policy, guide.content.program);
  if (coIssue && !guide.coIssue) {
    out.push({
      code: "GUIDE_CO_ISSUE_REQUIRED",
      messageZh: "本类项目的申报指南须会同市财政局发布：财政局会签后方可发布。",
      messageEn:
        "This program's guide is issued together with the finance bureau: it is published once the finance bureau has co-issued it.",
      ...citeSource(coIssue),
    });
  }
  const reason = opts.overrideReason?.trim() ?? "";
  if (reason.length < minOverrideReasonLength) {
    for (const w of inPrincipleCapWarnings(policy, guide.content, opts.plannedElsewhere)) {
      out.push({
        ...w,
        messageZh: `${w.messageZh}超过须由局领导填写理由（至少 ${minOverrideReasonLength} 个字）。`,
        messageEn: `${w.messageEn} Exceeding it needs the leader's reason (at least ${minOverrideReasonLength} characters).`,
      });
    }
  }
  return out;
}

/** Why the finance bureau may not co-issue this guide now, or null when it may. */
export function coIssueRefusal(policy: Policy, guide: Pick<Guide, "content" | "coIssue">): Violation | null {
  if (coIssueSource(policy, guide.content.program) && !guide.coIssue) return null;
  return {
    code: "GUIDE_CO_ISSUE_NOT_NEEDED",
    messageZh: guide.coIssue ? "财政局已会签该指南。" : "本类项目的指南由市科技局发布，无需财政局会签。",
    messageEn: guide.coIssue
      ? "The finance bureau has already co-issued this guide."
      : "The bureau issues this program's guides alone: no finance co-issue is needed.",
  };
}

/** The machine's events the caller may fire now: the co-issue only while the guide needs it. */
export function allowedGuideEvents(
  policy: Policy | undefined,
  guide: Pick<Guide, "status" | "content" | "coIssue">,
  roles: readonly Role[],
): GuideEvent[] {
  return allowedEvents(guideMachine, guide.status, roles).filter(
    (e) => e !== "coIssue" || (policy !== undefined && coIssueRefusal(policy, guide) === null),
  );
}
