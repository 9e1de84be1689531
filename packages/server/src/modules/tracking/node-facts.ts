import {
  acceptanceConcluded,
  chinaDateOf,
  type NodeFacts,
  type Policy,
  reportsOutstanding,
} from "@luoshu/domain";
import type { Repositories } from "../../repositories.ts";
import { reportTermsOf } from "./tracking-terms.ts";

/**
 * What a project's payment nodes wait for (LY-FUNDS §13(一)): the task book signed, the mid-term
 * assessment passed, acceptance, the grade; and the progress reports due by today that are not yet
 * approved, which hold every node (DT-RULES §14(五); LY-FUNDS §10); and whether its acceptance has
 * concluded (结题).
 */
export async function nodeFactsOf(
  repos: Pick<Repositories, "execution" | "projectLife" | "tracking">,
  policy: Policy,
  p: { cityId: string; id: string; grade: NodeFacts["grade"] },
  taskBookSigned: boolean,
  now: Date,
): Promise<{ facts: NodeFacts; outstanding: number[]; concluded: boolean }> {
  const [midTermPassed, found, reports, acceptance] = await Promise.all([
    repos.tracking.midTermPassed(p.cityId, p.id),
    reportTermsOf(repos, policy, p),
    repos.tracking.reports(p.cityId, [p.id]),
    repos.tracking.acceptance(p.cityId, p.id),
  ]);
  return {
    facts: { taskBookSigned, midTermPassed, accepted: acceptance?.status === "accepted", grade: p.grade },
    outstanding: found ? reportsOutstanding(found.schedule, reports, chinaDateOf(now)) : [],
    concluded: acceptanceConcluded(acceptance?.status),
  };
}
