import { checkDiligenceFinding, DomainError, type FailureFacts } from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { Repositories } from "../../repositories.ts";
import { visibleProject } from "../execution/task-books.ts";
import type { TrackingDeps } from "./progress.ts";

/**
 * 认定勤勉尽责 (DT-RULES §5; LY-PLAN §九(三)): the bureau records its finding that a project which
 * failed acceptance, or was terminated on its unit's application, was carried out with due diligence.
 * The project then closes without sanction and its grade does not count against its unit or PI. The
 * finding is recorded once: of two at the same moment, the second is told someone came first.
 */
export async function findDiligence(
  deps: TrackingDeps,
  input: { ctx: CallerContext; projectId: string; finding: string },
) {
  const { ctx } = input;
  const found = await visibleProject(deps.repos, deps.policies, ctx, input.projectId);
  if (!ctx.actor.roles.includes("programOfficer")) throw new DomainError({ code: "FORBIDDEN" });
  await deps.tx.run(ctx, async (repos, audit) => {
    // the ledger's lock orders a finding against a sanction, which reads it under the same lock
    await repos.ledger.lock(found.p.cityId);
    const p = (await repos.execution.project(ctx.scope, found.p.id))?.p ?? found.p;
    const facts = await failureFactsOf(repos, p);
    // a finding recorded by someone else first: the same press twice, not a rule broken
    if (facts.alreadyFound) throw new DomainError({ code: "CONFLICT" });
    checkDiligenceFinding(facts);
    const recorded = await repos.tracking.recordDiligence(p.cityId, p.id, {
      diligenceFinding: input.finding,
      diligenceFoundBy: ctx.actor.userId,
      diligenceFoundAt: ctx.now,
    });
    if (!recorded) throw new DomainError({ code: "CONFLICT" });
    audit({
      action: "project.diligence",
      entityType: "project",
      entityId: p.id,
      cityId: p.cityId,
      after: { finding: input.finding, acceptance: facts.acceptance, closedAs: p.closedAs },
    });
    await repos.notifications.notifyApplicant(
      { cityId: p.cityId, unitId: p.unitId, piUserId: p.piUserId, createdBy: null },
      {
        titleZh: `${p.number} 认定勤勉尽责：宽容失败，不予处理`,
        titleEn: `${p.number}: due diligence found; the failure is tolerated`,
        link: `/projects/${p.id}`,
        createdAt: ctx.now,
      },
    );
  });
}

/** How the project failed, if it did: its acceptance, and the ground of a decided termination. */
export async function failureFactsOf(
  repos: Pick<Repositories, "tracking" | "projectLife">,
  p: {
    cityId: string;
    id: string;
    closedAs: "terminated" | "revoked" | null;
    diligenceFinding: string | null;
  },
): Promise<FailureFacts> {
  const [app, closures] = await Promise.all([
    repos.tracking.acceptance(p.cityId, p.id),
    repos.projectLife.closures(p.cityId, p.id),
  ]);
  const termination = closures.find((c) => c.kind === "termination" && c.status === "decided");
  return {
    acceptance: app?.status ?? null,
    closedAs: p.closedAs,
    terminationGround: termination?.ground ?? null,
    alreadyFound: p.diligenceFinding !== null,
  };
}
