import { type Application, diffContent, type Json, memberSecretFields, type Unit } from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { GuidesRepository } from "../guides/guides.repository.ts";
import type { UnitsRepository } from "../units/units.repository.ts";
import { applicationNotFound } from "./application-errors.ts";
import type { ApplicationFilter, ApplicationsRepository } from "./applications.repository.ts";

export type ApplicationReadDeps = {
  repos: {
    applications: Pick<
      ApplicationsRepository,
      "list" | "find" | "listAttachments" | "listEvents" | "listRevisions"
    >;
    guides: Pick<GuidesRepository, "findCall">;
    units: Pick<UnitsRepository, "find">;
  };
};

/** Applications in the caller's scope; drafts only to their own unit. */
export function listApplications(
  deps: ApplicationReadDeps,
  input: { ctx: CallerContext; filter: ApplicationFilter; page: number; pageSize: number },
) {
  return deps.repos.applications.list(input.ctx.scope, input.filter, input.page, input.pageSize);
}

export async function findVisibleApplication(
  deps: { repos: { applications: Pick<ApplicationsRepository, "find"> } },
  ctx: CallerContext,
  id: string,
) {
  const a = await deps.repos.applications.find(ctx.scope, id);
  if (!a) throw applicationNotFound();
  return a;
}

/** What getApplication reads: the application, its call and its unit. */
export type ApplicationViewDeps = {
  repos: {
    applications: Pick<ApplicationsRepository, "find">;
    guides: Pick<GuidesRepository, "findCall">;
    units: Pick<UnitsRepository, "find">;
  };
};

/** An application as the routes answer with it: with its call's opening (ages are taken then) and unit. */
export interface ApplicationView {
  application: Application;
  callOpensAt: Date;
  unit: Pick<Unit, "nameZh" | "kind"> | undefined;
}

/** One application with the call's opening and its unit. */
export async function getApplication(
  deps: ApplicationViewDeps,
  input: { ctx: CallerContext; id: string },
): Promise<ApplicationView> {
  const { repos } = deps;
  const application = await findVisibleApplication(deps, input.ctx, input.id);
  const whole = { kind: "city", cityId: application.cityId } as const;
  const [call, unit] = await Promise.all([
    repos.guides.findCall(whole, application.callId),
    repos.units.find(whole, application.unitId),
  ]);
  return { application, callOpensAt: call?.opensAt ?? application.createdAt, unit };
}

export async function listApplicationAttachments(
  deps: ApplicationReadDeps,
  input: { ctx: CallerContext; id: string },
) {
  const a = await findVisibleApplication(deps, input.ctx, input.id);
  return deps.repos.applications.listAttachments(a);
}

/** Every decision with its reasons, and what changed between submitted revisions (ID numbers masked). */
export async function getApplicationHistory(
  deps: ApplicationReadDeps,
  input: { ctx: CallerContext; id: string },
) {
  const a = await findVisibleApplication(deps, input.ctx, input.id);
  const [events, revisions] = await Promise.all([
    deps.repos.applications.listEvents(a),
    deps.repos.applications.listRevisions(a),
  ]);
  return {
    events,
    revisions: revisions.map((rev, i) => ({
      revision: rev.revision,
      submittedAt: rev.submittedAt,
      contentHash: rev.contentHash,
      changes: i === 0 ? [] : diffContent(masked(revisions[i - 1]?.snapshot), masked(rev.snapshot)),
    })),
  };
}

/** Diffs show masked ID numbers only; what JSON.parse returns is JSON by construction. */
function masked(snapshot: unknown): Json {
  return JSON.parse(
    JSON.stringify(snapshot ?? null, (k, v) => (memberSecretFields.includes(k) ? undefined : v)),
  );
}
