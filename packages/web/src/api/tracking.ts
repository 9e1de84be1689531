import type {
  AcceptanceBody,
  AssessmentDto,
  assessmentCandidateDto,
  assessmentEvents,
  assessmentSheetBody,
  conclusionBody,
  conveneBody,
  districtOpinionBody,
  ExpertAssessmentDto,
  progressDecisionBody,
  progressInboxDto,
  progressReportActions,
  progressReportBody,
  progressReportDto,
  progressReportEvents,
  regradeBody,
  reportStandings,
  scheduledReportDto,
  TrackingDto,
} from "@luoshu/contract";
import { apiFetch } from "./client";
import type { In } from "./decisions";

type Out<S extends { _zod: { output: unknown } }> = S["_zod"]["output"];

/**
 * 进展报告与期中评估 (DT-RULES §14(五); LY-FUNDS §10, §13(一)): the unit or its PI files a progress
 * report each period, the bureau approves or returns it and reminds; in Luoyang the bureau convenes a
 * mid-term panel, each expert scores it and the bureau concludes. Each change on a project answers
 * with the project's tracking.
 */
export type Tracking = TrackingDto;
export type TrackingTerms = NonNullable<TrackingDto["terms"]>;
export type MidTerm = NonNullable<TrackingDto["midTerm"]>;
export type ScheduledReport = Out<typeof scheduledReportDto>;
export type ProgressReport = Out<typeof progressReportDto>;
export type ReportStanding = (typeof reportStandings)[number];
export type ReportAction = (typeof progressReportActions)[number];
export type ReportEvent = (typeof progressReportEvents)[number];
export type Assessment = AssessmentDto;
export type AssessmentEvent = (typeof assessmentEvents)[number];
export type ExpertAssessment = ExpertAssessmentDto;
export type AssessmentCandidate = Out<typeof assessmentCandidateDto>;
export type ProgressInboxItem = Out<typeof progressInboxDto>;
export type ProgressNeed = "file" | "review" | "overdue";
export type ProgressReportInput = In<typeof progressReportBody>;
export type ProgressDecisionInput = In<typeof progressDecisionBody>;
export type ConveneInput = In<typeof conveneBody>;
export type AssessmentSheetInput = In<typeof assessmentSheetBody>;
export type ConclusionInput = In<typeof conclusionBody>;
export type Acceptance = TrackingDto["acceptance"];
export type AcceptanceApplication = NonNullable<Acceptance["application"]>;
export type AcceptanceInput = AcceptanceBody;
export type RegradeInput = In<typeof regradeBody>;
export type DistrictOpinionInput = In<typeof districtOpinionBody>;
export type DistrictOpinion = NonNullable<AcceptanceApplication["districtOpinion"]>;
export type PerformanceGrade = NonNullable<AcceptanceApplication["grade"]>;

const project = (id: string) => `/projects/${encodeURIComponent(id)}`;

export function fetchTracking(id: string): Promise<Tracking> {
  return apiFetch(`${project(id)}/tracking`);
}

/** 提交进展报告, or files a returned one again. */
export function fileProgressReport(id: string, body: ProgressReportInput): Promise<Tracking> {
  return apiFetch(`${project(id)}/progress-reports`, { method: "POST", body });
}

/** The bureau approves a submitted report (it no longer holds a node) or returns it to be mended. */
export function decideProgressReport(
  id: string,
  period: number,
  event: ReportEvent,
  body: ProgressDecisionInput,
): Promise<Tracking> {
  return apiFetch(`${project(id)}/progress-reports/${period}/events/${encodeURIComponent(event)}`, {
    method: "POST",
    body,
  });
}

/** 催报: the unit and the PI are reminded of a report not filed or returned (once a day). */
export function remindProgressReport(id: string, period: number): Promise<Tracking> {
  return apiFetch(`${project(id)}/progress-reports/${period}/reminders`, { method: "POST" });
}

/** The reports in the caller's scope that need filing, reviewing, or are overdue. */
export function fetchProgressInbox(
  need: ProgressNeed,
): Promise<{ items: ProgressInboxItem[]; total: number }> {
  return apiFetch("/progress-reports", { query: { need } });
}

/** The pool's experts for the project's mid-term panel, each with why they must stand apart, if so. */
export function fetchAssessmentCandidates(
  id: string,
): Promise<{ items: AssessmentCandidate[]; total: number }> {
  return apiFetch(`${project(id)}/assessment-candidates`);
}

/** 组织期中评估 or 组织结题验收 (`kind`) with a panel of experts from the pool, none in conflict. */
export function conveneAssessment(id: string, body: ConveneInput): Promise<Tracking> {
  return apiFetch(`${project(id)}/assessments`, { method: "POST", body });
}

/**
 * Concludes the assessment as the panel's mean calls for: a mid-term's pass releases the node, hold
 * keeps it; an acceptance passes (with the R&D spend verified where a post-subsidy follows), fails,
 * or is deferred for more materials.
 */
export function concludeAssessment(
  id: string,
  assessmentId: string,
  event: AssessmentEvent,
  body: ConclusionInput,
): Promise<Tracking> {
  return apiFetch(
    `${project(id)}/assessments/${encodeURIComponent(assessmentId)}/events/${encodeURIComponent(event)}`,
    { method: "POST", body },
  );
}

/** 提交验收材料 (LY-FUNDS §23; DT-RULES §23), or submits them again after a deferral. */
export function submitAcceptance(id: string, body: AcceptanceInput): Promise<Tracking> {
  return apiFetch(`${project(id)}/acceptance`, { method: "POST", body });
}

/** 再评价 (LY-FUNDS §5): the finance bureau re-evaluates an accepted project's grade with its reason. */
export function regradeAcceptance(id: string, body: RegradeInput): Promise<Tracking> {
  return apiFetch(`${project(id)}/acceptance/regrade`, { method: "POST", body });
}

/** 县区意见 (DT-RULES §17; LY-FUNDS §7–8): the project's district agrees with the acceptance or not. */
export function giveDistrictOpinion(id: string, body: DistrictOpinionInput): Promise<Tracking> {
  return apiFetch(`${project(id)}/acceptance/district-opinion`, { method: "POST", body });
}

/** The assessments the signed-in expert sits on, with the project's plan, reports and their sheet. */
export function fetchMyAssessments(): Promise<{ items: ExpertAssessment[]; total: number }> {
  return apiFetch("/assessments");
}

/** The expert's scorecard, once. */
export function submitAssessmentSheet(id: string, body: AssessmentSheetInput): Promise<{ ok: true }> {
  return apiFetch(`/assessments/${encodeURIComponent(id)}/sheet`, { method: "POST", body });
}
