import { chinaDateOf, type Policy, type ProjectOrigin, projectNumber, selectPolicy } from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { DecisionRepos } from "./list-facts.ts";

export interface ProjectDraft {
  applicationId: string | null;
  callId: string | null;
  listId: string | null;
  commissionId?: string | null;
  challengeId?: string | null;
  jointTopicId?: string | null;
  unitId: string;
  piUserId: string | null;
  title: string;
  amountFen: number;
  piYouth: boolean | null;
}

/**
 * Takes numbers for `count` projects of (city, year, program) from the counter row, which stays
 * locked until the transaction commits: gapless, unique, and approvals of one program and year run
 * one after the other. Call it first in an approval, before measuring anything against the year.
 */
export async function reserveNumbers(
  repos: DecisionRepos,
  policy: Policy,
  at: { cityId: string; year: number; program: string },
  count: number,
): Promise<(i: number) => string> {
  const code = policy.programs.find((p) => p.code === at.program)?.numberCode ?? at.program.toUpperCase();
  const first = await repos.projects.takeNumbers(at.cityId, at.year, code, count);
  return (i) => projectNumber(policy.numberPrefix, at.year, code, first + i);
}

/**
 * 立项: the projects, numbered in order and bound to the policy version in force on the day of
 * approval (DT-RULES §24: projects approved before a new version keep the old rules).
 */
export async function issueProjects(
  repos: DecisionRepos,
  policies: readonly Policy[],
  ctx: CallerContext,
  at: {
    cityId: string;
    year: number;
    program: string;
    origin: ProjectOrigin;
    numberOf: (i: number) => string;
    fallback: Policy;
  },
  drafts: readonly ProjectDraft[],
) {
  const inForce = selectPolicy(policies, at.cityId, ctx.now) ?? at.fallback;
  return repos.projects.insertProjects(
    drafts.map((d, i) => ({
      ...d,
      cityId: at.cityId,
      number: at.numberOf(i),
      origin: at.origin,
      program: at.program,
      year: at.year,
      policyVersion: inForce.version,
      approvedOn: chinaDateOf(ctx.now),
      approvedAt: ctx.now,
    })),
  );
}
