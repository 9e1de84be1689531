import type { ChangeDto, ProjectDetailDto } from "@luoshu/contract";
import { type ApprovalRule, citeSource, type Policy } from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { Repositories } from "../../repositories.ts";
import { currentTerms } from "./changes.ts";
import { citationOfClause } from "./life-view-shared.ts";

type Entry = ProjectDetailDto["timeline"][number];

const rule = (r: ApprovalRule) => ({ decider: r.approver, source: citeSource(r.source) });

/** A project's changes, its budget and end date as they now stand, and who decides each change. */
export async function changesOf(
  repos: Pick<Repositories, "projectLife" | "execution">,
  policy: Policy,
  ctx: CallerContext,
  p: { cityId: string; id: string; closedAs: string | null; piUserId: string | null },
) {
  const terms = await currentTerms(repos, p);
  const names = await repos.execution.displayNames(
    terms.changes.flatMap((c) => [c.requestedBy, c.decidedBy]).filter((x): x is string => x !== null),
  );
  const roles = ctx.actor.roles;
  const officer = roles.includes("programOfficer");
  const changes: ChangeDto[] = terms.changes.map((c) => ({
    id: c.id,
    kind: c.kind,
    before: c.before,
    after: c.after,
    reason: c.reason,
    status: c.status,
    decider: c.decider,
    source: citationOfClause(c.clause),
    requested: { at: c.requestedAt.toISOString(), byName: names.get(c.requestedBy) ?? "" },
    decided:
      c.decidedAt && c.decidedBy
        ? { at: c.decidedAt.toISOString(), byName: names.get(c.decidedBy) ?? "", note: c.note }
        : null,
    actions: c.status === "requested" && officer ? ["approve", "refuse"] : [],
  }));
  const executing = terms.tb?.status === "signed" && p.closedAs === null;
  const mayAsk =
    roles.includes("unitAdmin") ||
    (roles.includes("principalInvestigator") && p.piUserId === ctx.actor.userId);
  const a = policy.changeApprovals;
  const timeline: Entry[] = changes.flatMap((c) => {
    const base = { detail: c.kind, reference: null, amountFen: null, source: c.source };
    const asked: Entry = {
      at: c.requested.at,
      kind: c.status === "recorded" ? "changeRecorded" : "changeRequested",
      byName: c.requested.byName,
      ...base,
    };
    return c.decided && c.status !== "recorded"
      ? [
          asked,
          {
            at: c.decided.at,
            kind: c.status === "approved" ? "changeApproved" : "changeRefused",
            byName: c.decided.byName,
            ...base,
          },
        ]
      : [asked];
  });
  return {
    changes,
    currentBudget: terms.budget,
    endDate: terms.endDate,
    deciders: {
      legalPerson: rule(a.legalPerson),
      principalInvestigator: rule(a.principalInvestigator),
      budgetEquipment: rule(a.budgetAdjustment.equipment),
      budgetOther: rule(a.budgetAdjustment.other),
      extension: rule(a.extension),
    },
    actions: [
      ...(executing && mayAsk ? (["requestChange"] as const) : []),
      ...(changes.some((c) => c.actions.length > 0) ? (["decideChange"] as const) : []),
    ],
    timeline,
  };
}
