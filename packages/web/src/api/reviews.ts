import type {
  declareConflictBody,
  declineBody,
  entrustmentBody,
  entrustmentList,
  horseRaceBody,
  myReviewList,
  overrideBody,
  ReviewAssignmentRowDto,
  ReviewPlanDto,
  ReviewSettingsBody,
  ReviewWorkDto,
  reviewableCallList,
  sheetBody,
  siteVisitBody,
} from "@luoshu/contract";
import { ApiError, apiFetch } from "./client";

/** A contract schema's parsed value and its accepted input (what `z.output` / `z.input` give). */
type Out<S extends { _zod: { output: unknown } }> = S["_zod"]["output"];
type In<S extends { _zod: { input: unknown } }> = S["_zod"]["input"];

/** 专家评审: a call's review plan as its organiser (or the watching bureau) sees it. */
export type ReviewPlan = ReviewPlanDto;
export type ReviewPlanAction = ReviewPlanDto["allowedActions"][number];
export type ReviewItem = ReviewPlanDto["items"][number];
export type ReviewAssignmentRow = ReviewAssignmentRowDto;
export type ReviewSettingsInput = ReviewSettingsBody;
export type ReviewableCall = Out<typeof reviewableCallList>["items"][number];
export type Entrustment = Out<typeof entrustmentList>["items"][number];
export type EntrustmentInput = In<typeof entrustmentBody>;
export type OverrideInput = In<typeof overrideBody>;
export type HorseRaceInput = In<typeof horseRaceBody>;
export type SiteVisitInput = In<typeof siteVisitBody>;
/** The expert's side: their plans with the commitment and their invitations. */
export type MyReviewPlan = Out<typeof myReviewList>["items"][number];
export type MyReviewAssignment = MyReviewPlan["assignments"][number];
export type DeclineInput = In<typeof declineBody>;
export type DeclareConflictInput = In<typeof declareConflictBody>;
export type ScoreSheetInput = In<typeof sheetBody>;
/** One application as its expert reviews it: masked, with the criteria and the expert's own sheet. */
export type ReviewWork = ReviewWorkDto;

const plan = (id: string) => `/review-plans/${encodeURIComponent(id)}`;
const assignment = (id: string) => `/review-assignments/${encodeURIComponent(id)}`;

/** The organiser's side. */
export function fetchReviewableCalls(): Promise<Out<typeof reviewableCallList>> {
  return apiFetch("/reviews/calls");
}

export function createReviewPlan(callId: string): Promise<ReviewPlan> {
  return apiFetch("/review-plans", { method: "POST", body: { callId } });
}

export function fetchReviewPlan(id: string): Promise<ReviewPlan> {
  return apiFetch(plan(id));
}

export function saveReviewSettings(id: string, settings: ReviewSettingsInput): Promise<ReviewPlan> {
  return apiFetch(`${plan(id)}/settings`, { method: "PUT", body: settings });
}

/** The plan-wide steps that take no input. */
export type PlanStep = "assign" | "publish" | "remind" | "complete";

export function runPlanStep(id: string, step: PlanStep): Promise<ReviewPlan> {
  return apiFetch(`${plan(id)}/${step}`, { method: "POST" });
}

export function overrideAssignment(
  id: string,
  assignmentId: string,
  input: OverrideInput,
): Promise<ReviewPlan> {
  return apiFetch(`${plan(id)}/assignments/${encodeURIComponent(assignmentId)}/override`, {
    method: "POST",
    body: input,
  });
}

export function reopenAssignment(id: string, assignmentId: string, reason: string): Promise<ReviewPlan> {
  return apiFetch(`${plan(id)}/assignments/${encodeURIComponent(assignmentId)}/reopen`, {
    method: "POST",
    body: { reason },
  });
}

export function markHorseRace(id: string, input: HorseRaceInput): Promise<ReviewPlan> {
  return apiFetch(`${plan(id)}/horse-races`, { method: "POST", body: input });
}

export function recordSiteVisit(id: string, input: SiteVisitInput): Promise<ReviewPlan> {
  return apiFetch(`${plan(id)}/site-visits`, { method: "POST", body: input });
}

export function fetchEntrustments(): Promise<Out<typeof entrustmentList>> {
  return apiFetch("/review-entrustments");
}

export function createEntrustment(input: EntrustmentInput): Promise<Entrustment> {
  return apiFetch("/review-entrustments", { method: "POST", body: input });
}

/** The expert's side. */
export function fetchMyReviews(): Promise<Out<typeof myReviewList>> {
  return apiFetch("/my-reviews");
}

export function signReviewCommitment(planId: string): Promise<Out<typeof myReviewList>> {
  return apiFetch(`/my-reviews/${encodeURIComponent(planId)}/commitment`, { method: "POST" });
}

/** Declares no conflict of interest and opens the application. */
export function acceptAssignment(id: string): Promise<ReviewWork> {
  return apiFetch(`${assignment(id)}/accept`, { method: "POST" });
}

export function declineAssignment(id: string, input: DeclineInput): Promise<Out<typeof myReviewList>> {
  return apiFetch(`${assignment(id)}/decline`, { method: "POST", body: input });
}

export function declareConflict(id: string, input: DeclareConflictInput): Promise<Out<typeof myReviewList>> {
  return apiFetch(`${assignment(id)}/declare-conflict`, { method: "POST", body: input });
}

export function fetchReviewWork(id: string): Promise<ReviewWork> {
  return apiFetch(assignment(id));
}

export function saveScoreSheet(id: string, sheet: ScoreSheetInput): Promise<ReviewWork> {
  return apiFetch(`${assignment(id)}/sheet`, { method: "PUT", body: sheet });
}

export function submitScoreSheet(id: string, sheet: ScoreSheetInput): Promise<ReviewWork> {
  return apiFetch(`${assignment(id)}/submit`, { method: "POST", body: sheet });
}

/** Why the solver found no assignment (a 422 REVIEW_INFEASIBLE lists its reasons), else none. */
export function infeasibleReasons(err: unknown): string[] {
  if (!(err instanceof ApiError) || err.code !== "REVIEW_INFEASIBLE") return [];
  const reasons = err.body.details?.reasons;
  return Array.isArray(reasons) ? reasons.filter((r): r is string => typeof r === "string") : [];
}
