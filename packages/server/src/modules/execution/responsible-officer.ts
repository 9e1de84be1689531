import { DomainError } from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { Repositories } from "../../repositories.ts";
import { type ExecutionDeps, visibleProject } from "./task-books.ts";

/** 责任处室经办人: one of the city's program officers follows the project; the unit sees who. */
export async function assignResponsibleOfficer(
  deps: ExecutionDeps & { repos: Pick<Repositories, "users"> },
  input: { ctx: CallerContext; projectId: string; userId: string },
) {
  const { ctx } = input;
  const { p } = await visibleProject(deps.repos, deps.policies, ctx, input.projectId);
  const user = await deps.repos.users.find({ kind: "city", cityId: p.cityId }, input.userId);
  if (user?.status !== "active" || !user.roles.includes("programOfficer")) {
    throw new DomainError({
      code: "VALIDATION",
      path: "userId",
      messageZh: "责任人须为本市在岗的项目管理人员。",
      messageEn: "The responsible officer is an active program officer of the city.",
    });
  }
  await deps.tx.run(ctx, async (repos, audit) => {
    await repos.execution.setResponsibleOfficer(p.cityId, p.id, user.id);
    audit({
      action: "project.responsibleOfficer",
      entityType: "project",
      entityId: p.id,
      cityId: p.cityId,
      before: { userId: p.responsibleOfficerId },
      after: { userId: user.id, name: user.displayName },
    });
  });
}
