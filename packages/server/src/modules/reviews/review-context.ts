import {
  affinity,
  type ConflictApplication,
  type ConflictExpert,
  chinaDateOf,
  conflictsOf,
  type DeclaredRelation,
  isAssignable,
  type Policy,
} from "@luoshu/domain";
import { tokenize } from "../dedup/tokenize.ts";
import type { ApplicationForReview, PlanRow, ReviewsRepository } from "./reviews.repository.ts";

type Repo = Pick<ReviewsRepository, "pool" | "relations" | "unitIdsByUscc" | "items" | "applicationsByIds">;
export type PoolExpert = Awaited<ReturnType<ReviewsRepository["pool"]>>[number];

const termsOf = (text: string) => tokenize(text).tokens.map((t) => t.word);

type RelationRow = Awaited<ReturnType<Repo["relations"]>>[number];

/** The relations experts and applicants declared, as the conflict rules read them. */
export const declaredOf = (rows: readonly RelationRow[]): DeclaredRelation[] =>
  rows.map((r) =>
    r.declaredBy === "expert"
      ? { declaredBy: "expert", expertId: r.expertId ?? "", applicationId: r.applicationId, unitId: r.unitId }
      : {
          declaredBy: "applicant",
          applicationId: r.applicationId ?? "",
          expertUnitId: r.unitId,
          idNumberDigest: r.idNumberDigest,
        },
  );

/** An application's parties as the conflict rules read them: its unit, partners and team. */
export const conflictApplicationOf = (
  a: Pick<ApplicationForReview, "id" | "unitId" | "content">,
  unitByUscc: ReadonlyMap<string, string>,
): ConflictApplication => ({
  id: a.id,
  unitId: a.unitId,
  partnerUsccs: a.content.partners.map((p) => p.uscc).filter((u) => u.length > 0),
  partnerUnitIds: a.content.partners.flatMap((p) => unitByUscc.get(p.uscc) ?? []),
  teamIdDigests: a.content.team.flatMap((m) => m.idNumberDigest ?? []),
});

/**
 * Everything the solver, an override and a refill decide on, computed once per request from the
 * database: the plan's applications and panels, the city's pool, the declared relations, and for
 * every pair its conflicts (domain review/conflicts.ts) and its affinity (review/affinity.ts).
 */
export async function loadReviewContext(repo: Repo, plan: PlanRow, policy: Policy, now: Date) {
  const items = await repo.items(plan.cityId, plan.id);
  const panelOf = new Map(items.map((i) => [i.applicationId, i.panelIndex]));
  const [applications, pool, relationRows] = await Promise.all([
    repo.applicationsByIds(plan.cityId, [...panelOf.keys()]),
    repo.pool(plan.cityId),
    repo.relations(plan.cityId),
  ]);
  applications.sort((a, b) => a.numberSeq - b.numberSeq);
  const partnerUsccs = [...new Set(applications.flatMap((a) => a.content.partners.map((p) => p.uscc)))];
  const unitByUscc = await repo.unitIdsByUscc(
    plan.cityId,
    partnerUsccs.filter((u) => u.length > 0),
  );
  const declared = declaredOf(relationRows);
  const today = chinaDateOf(now);
  const conflictApps = new Map<string, ConflictApplication>(
    applications.map((a) => [a.id, conflictApplicationOf(a, unitByUscc)]),
  );
  const conflictExperts = new Map<string, ConflictExpert>(
    pool.map((e) => [
      e.id,
      {
        id: e.id,
        unitId: e.unitId,
        unitUscc: e.unitUscc,
        idNumberDigest: e.idNumberDigest,
        formerUnits: e.formerUnits ?? [],
      },
    ]),
  );
  const appTerms = new Map(applications.map((a) => [a.id, new Set(termsOf(textOf(a)))]));
  const expertTerms = new Map(pool.map((e) => [e.id, e.keywords.map(termsOf)]));

  return {
    plan,
    policy,
    applications,
    pool,
    panelOf,
    /** In the pool and not suspended, with an active account. */
    assignable: (e: PoolExpert) =>
      e.userStatus === "active" && isAssignable({ status: e.status, availability: e.availability }, today),
    conflicts(applicationId: string, expertId: string) {
      const a = conflictApps.get(applicationId);
      const e = conflictExperts.get(expertId);
      if (!a || !e) return [];
      return conflictsOf(e, a, declared, { today, policy });
    },
    affinity(applicationId: string, expert: PoolExpert): number {
      const panel = plan.settings.panels[panelOf.get(applicationId) ?? 0] ?? plan.settings.panels[0];
      return affinity(
        { disciplines: expert.disciplines, keywordTerms: expertTerms.get(expert.id) ?? [] },
        { panelDisciplines: panel?.disciplines ?? [], terms: appTerms.get(applicationId) ?? new Set() },
      );
    },
  };
}
export type ReviewContext = Awaited<ReturnType<typeof loadReviewContext>>;

function textOf(a: ApplicationForReview): string {
  const b = a.content.basic;
  return [a.title, b.keywords, b.field, b.abstract].join("\n");
}
