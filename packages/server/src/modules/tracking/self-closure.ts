import { citeSource, DomainError, invalidTransition, selfClosureSource } from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import { mustBeOpen, visibleProject } from "../execution/task-books.ts";
import type { TrackingDeps } from "./progress.ts";

/**
 * 自行组织结项 (LY-REFORM §三(三)1): the unit of a filed (备案) project, Luoyang's guiding projects with
 * their own money, closes it itself once done, with its report and the integrity commitment; the
 * platform records the closure as filed. Once only: a second at the same moment is a conflict.
 */
export async function selfCloseProject(
  deps: TrackingDeps,
  input: { ctx: CallerContext; projectId: string; report: string },
) {
  const { ctx } = input;
  const { p, policy } = await visibleProject(deps.repos, deps.policies, ctx, input.projectId);
  if (!ctx.actor.roles.includes("unitAdmin")) throw new DomainError({ code: "FORBIDDEN" });
  mustBeOpen(p);
  const source = selfClosureSource(policy, p.program);
  if (!source)
    throw invalidTransition(
      "仅备案立项的项目由承担单位自行组织结项；该项目须经市科技局组织验收。",
      "Only a filed project is closed by its unit; this one is accepted by the bureau's panel.",
    );
  await deps.tx.run(ctx, async (repos, audit) => {
    const row = await repos.tracking.insertAcceptance({
      cityId: p.cityId,
      projectId: p.id,
      status: "accepted",
      selfOrganised: true,
      content: { achievements: [], report: input.report, settlement: [], commitment: true },
      settledFen: 0,
      submittedBy: ctx.actor.userId,
      submittedAt: ctx.now,
    });
    audit({
      action: "acceptance.selfClose",
      entityType: "acceptance",
      entityId: row.id,
      cityId: p.cityId,
      after: { projectId: p.id, commitment: true, ...citeSource(source) },
    });
  });
}
