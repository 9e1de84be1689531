import type { DistrictOpinionBody } from "@luoshu/contract";
import { checkDistrictOpinion, DomainError } from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import { mustBeOpen, visibleProject } from "../execution/task-books.ts";
import type { TrackingDeps } from "./progress.ts";

/** Whether the caller is the district S&T officer of the project's district (DT-RULES §17). */
export const isProjectsDistrict = (ctx: CallerContext, districtCode: string | null) =>
  ctx.actor.roles.includes("districtOfficer") &&
  districtCode !== null &&
  ctx.scope.kind === "district" &&
  ctx.scope.districtCode === districtCode;

/**
 * 县区意见 (DT-RULES §17; LY-FUNDS §7–8): the district S&T department of the project's unit records
 * whether it agrees with the acceptance, with its opinion, while the application waits for the
 * panel's conclusion; the bureau reads it before concluding. A second opinion replaces the first.
 */
export async function giveDistrictOpinion(
  deps: TrackingDeps,
  input: { ctx: CallerContext; projectId: string; body: DistrictOpinionBody },
) {
  const { ctx, body } = input;
  const { p, districtCode } = await visibleProject(deps.repos, deps.policies, ctx, input.projectId);
  if (!isProjectsDistrict(ctx, districtCode)) throw new DomainError({ code: "FORBIDDEN" });
  mustBeOpen(p);
  await deps.tx.run(ctx, async (repos, audit) => {
    const app = await repos.tracking.acceptance(p.cityId, p.id, true);
    checkDistrictOpinion(app?.status, body);
    if (!app) return;
    await repos.tracking.updateAcceptance(p.cityId, app.id, {
      districtAgrees: body.agrees,
      districtOpinion: body.opinion,
      districtOpinionBy: ctx.actor.userId,
      districtOpinionAt: ctx.now,
    });
    audit({
      action: "acceptance.districtOpinion",
      entityType: "acceptance",
      entityId: app.id,
      cityId: p.cityId,
      ...(app.districtAgrees === null
        ? {}
        : { before: { agrees: app.districtAgrees, opinion: app.districtOpinion } }),
      after: { projectId: p.id, agrees: body.agrees, opinion: body.opinion },
    });
  });
}
