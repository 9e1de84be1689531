import type { Policy } from "@luoshu/domain";
import { DomainError } from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { Transactor } from "../../lib/transaction.ts";
import type { Repositories } from "../../repositories.ts";
import { findVisibleApplication } from "../applications/read-applications.ts";
import { policyOf } from "../reviews/review-access.ts";
import { issueProjects, reserveNumbers } from "./issue-projects.ts";
import type { DecisionRepos } from "./list-facts.ts";

type Repos = DecisionRepos & Pick<Repositories, "notifications" | "applications">;

/**
 * 备案立项 (LY-REFORM §三(三)1, §三(四)1): a guiding project past the formal check is filed as a
 * project without review and without money; the unit runs and closes it itself.
 */
export async function fileGuidingProject(
  deps: { repos: Repos; policies: Policy[]; tx: Transactor<Repos> },
  input: { ctx: CallerContext; applicationId: string },
) {
  const { ctx } = input;
  const a = await findVisibleApplication(deps, ctx, input.applicationId);
  const policy = policyOf(deps.policies, a.cityId, a.policyVersion);
  const program = policy.programs.find((p) => p.code === a.numberProgram);
  if (program?.fundingMode !== "filing") {
    throw new DomainError({
      code: "DECISION_NOT_APPLICABLE",
      messageZh: "只有备案类计划项目（如指导计划项目）可以直接备案立项。",
      messageEn: "Only filing programs (such as guiding projects) are filed directly.",
    });
  }
  if (a.status !== "formalPassed") {
    throw new DomainError({
      code: "INVALID_TRANSITION",
      messageZh: "形式审查通过后才能备案立项。",
      messageEn: "File it after it passes the formal check.",
    });
  }
  return deps.tx.run(ctx, async (repos, audit) => {
    const numberOf = await reserveNumbers(
      repos,
      policy,
      { cityId: a.cityId, year: a.numberYear, program: program.code },
      1,
    );
    const [project] = await issueProjects(
      repos,
      deps.policies,
      ctx,
      {
        cityId: a.cityId,
        year: a.numberYear,
        program: program.code,
        origin: "filing",
        numberOf,
        fallback: policy,
      },
      [
        {
          applicationId: a.id,
          callId: a.callId,
          listId: null,
          commissionId: null,
          unitId: a.unitId,
          piUserId: a.piUserId,
          title: a.title,
          amountFen: 0,
          piYouth: null,
        },
      ],
    );
    if (!project) throw new Error("filing inserted no project");
    await repos.notifications.notifyApplicant(a, {
      titleZh: `“${a.title}”已备案立项，项目编号 ${project.number}`,
      titleEn: `"${a.title}" is filed as project ${project.number}`,
      link: `/applications/${a.id}`,
      createdAt: ctx.now,
    });
    audit({
      action: "decision.filing",
      entityType: "application",
      entityId: a.id,
      cityId: a.cityId,
      after: { number: project.number, clause: "LY-REFORM §三(三)1" },
    });
    return project;
  });
}
