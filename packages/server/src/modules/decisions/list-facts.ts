import {
  type ApplicationContent,
  citeSource,
  type ListEntryFacts,
  listViolations,
  memberFacts,
  notFound,
  type Policy,
  type ProposedListState,
  type Violation,
  youthAgeLimit,
} from "@luoshu/domain";
import type { Repositories } from "../../repositories.ts";
import { policyOf } from "../reviews/review-access.ts";
import type { EntryRow, ListRow } from "./decisions.repository.ts";

export type DecisionRepos = Pick<Repositories, "decisions" | "projects" | "reviews">;

export const listNotFound = () => notFound("拟立项名单不存在。", "No such proposed list.");

/** The PI as the application names them, with youth at the call's opening (LY-PLAN §六(二)). */
export function piOf(content: ApplicationContent, callOpensAt: Date, policy: Policy) {
  const pi = content.team.find((m) => m.role === "pi");
  if (!pi) return { name: "", youth: null, digest: null };
  const limit = policy.decision.youthShare?.ageUnder ?? youthAgeLimit;
  const facts = memberFacts(pi.birthDate, callOpensAt);
  return {
    name: pi.name,
    youth: facts.age === null ? null : facts.age < limit,
    digest: pi.idNumberDigest,
  };
}

export const toFacts = (e: EntryRow): ListEntryFacts => ({
  applicationId: e.applicationId,
  rank: e.rank,
  decision: e.decision,
  departureReason: e.departureReason,
  amountFen: e.amountFen,
  maxFen: e.maxFen,
  piYouth: e.piYouth,
});

/** The states in which the list's own selection still counts as "this list" on top of the year's issued projects. */
const unissued: readonly ProposedListState[] = [
  "draft",
  "awaitingLeader",
  "leaderApproved",
  "cityGovernmentApproved",
  "inNotice",
  "noticeClosed",
  "coSigned",
];

/** Everything a list is checked against, and what the check says now. */
export async function measureList(
  repos: DecisionRepos,
  policies: readonly Policy[],
  list: ListRow,
  entries: readonly EntryRow[],
  lock = false,
): Promise<{
  policy: Policy;
  year: Awaited<ReturnType<DecisionRepos["projects"]["yearFacts"]>>;
  violations: Violation[];
}> {
  const policy = policyOf(policies, list.cityId, list.policyVersion);
  const year = await repos.projects.yearFacts(
    list.cityId,
    list.year,
    list.program,
    policy.decision.youthShare?.programs ?? [],
    lock,
  );
  const violations = unissued.includes(list.status)
    ? listViolations(policy, list.program, entries.map(toFacts), year, {
        overCapReason: list.overCapReason,
        youthShareReason: list.youthShareReason,
      })
    : [];
  if (unissued.includes(list.status) && !list.collectiveDecision) {
    violations.push({
      code: "DECISION_NO_COLLECTIVE_DECISION",
      messageZh: "须先录入集体研究决策记录（会议、日期、参会人员、决定、附件）。",
      messageEn: "Record the collective decision first (meeting, date, attendees, decision, attachment).",
      path: "collectiveDecision",
      ...citeSource(policy.decision.collectiveDecision.source),
    });
  }
  return { policy, year, violations };
}
