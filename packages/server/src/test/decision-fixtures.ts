import { expect } from "vitest";
import { completeReview } from "../db/seed/demo-review.ts";
import { type LoginAs, openPlan, passedApplication } from "./review-fixtures.ts";

/**
 * A call whose expert review is completed: applications of the city's demo PI with the given
 * titles, reviewed by the experts the solver picks, scored `scores[i]` on every criterion.
 */
export async function reviewedCall(
  as: LoginAs,
  prefix: string,
  titles: readonly string[],
  scores: readonly number[],
) {
  const officer = await as(`${prefix}-officer`);
  const callId = (await officer.get("/api/guides")).body.items[0].calls[0].id as string;
  const ids: string[] = [];
  for (const title of titles) ids.push(await passedApplication(as, prefix, callId, title));
  const { organiser, planId } = await openPlan(as, prefix, callId);
  expect((await organiser.post(`/api/review-plans/${planId}/assign`)).status).toBe(200);
  expect((await organiser.post(`/api/review-plans/${planId}/publish`)).status).toBe(200);
  await completeReview(as, organiser, planId, (id) => scores[ids.indexOf(id)] ?? 60);
  return { callId, ids, planId };
}

/** A one-page PDF: the collective decision's minutes. */
export const minutesPdf = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

export const collectiveDecision = {
  meeting: "局长办公会（2026 年第 5 次）",
  heldOn: "2026-03-02",
  attendees: "局长、分管副局长、计划科、财务科",
  decision: "同意按评审排名提出拟立项名单。",
};
