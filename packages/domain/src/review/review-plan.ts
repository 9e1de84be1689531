import { z } from "zod";
import { isDisciplineCode } from "../expert-pool/disciplines.ts";
import type { Policy, ReviewOrganiser } from "../policy/policy.schema.ts";
import { instantSchema } from "../shared/dates.ts";
import { defineMachine } from "../shared/machine.ts";

/**
 * 评审方案: one per call. Panels group applications by discipline; the guide's criteria and weights
 * are copied in when the plan is made, so a later guide edit cannot change a running review.
 */
export const reviewModes = ["optimal", "random"] as const;
export type ReviewMode = (typeof reviewModes)[number];

const disciplineCode = z.string().refine(isDisciplineCode, "not a GB/T 13745 discipline code");

export const reviewPanelSchema = z
  .object({
    nameZh: z.string().trim().min(1).max(100),
    // Empty: no discipline preference; affinity then comes from the keywords alone.
    disciplines: z.array(disciplineCode).max(20),
  })
  .strict();
export type ReviewPanel = z.infer<typeof reviewPanelSchema>;

export const reviewPlanSettingsSchema = z
  .object({
    panels: z.array(reviewPanelSchema).min(1).max(20),
    reviewersPerApplication: z.int().min(1).max(15),
    minLoad: z.int().min(0).max(500),
    maxLoad: z.int().min(1).max(500),
    mode: z.enum(reviewModes),
    /** The random mode's cap on one pair's probability, in per cent (the policy's by default). */
    pairCapPercent: z.int().min(1).max(100),
    /** Scores are due by this instant (server time). */
    scoringDeadline: instantSchema,
  })
  .strict()
  .refine((s) => s.minLoad <= s.maxLoad, { message: "minLoad exceeds maxLoad", path: ["minLoad"] });
export type ReviewPlanSettings = z.infer<typeof reviewPlanSettingsSchema>;

export interface ReviewCriterion {
  nameZh: string;
  weight: number;
}

export const reviewPlanStates = ["draft", "assigned", "inReview", "completed"] as const;
export type ReviewPlanState = (typeof reviewPlanStates)[number];

const organisers = ["programOfficer", "agencyOfficer"] as const;

export const reviewPlanMachine = defineMachine({
  name: "review plan",
  states: reviewPlanStates,
  labels: {
    draft: { zh: "待分配", en: "not assigned yet" },
    assigned: { zh: "已分配待发出", en: "assigned, not sent" },
    inReview: { zh: "评审中", en: "in review" },
    completed: { zh: "评审结束", en: "completed" },
  },
  transitions: {
    edit: { from: ["draft", "assigned"], to: "draft", roles: organisers },
    assign: { from: ["draft", "assigned"], to: "assigned", roles: organisers },
    publish: { from: ["assigned"], to: "inReview", roles: organisers },
    complete: { from: ["inReview"], to: "completed", roles: organisers },
  },
});
export type ReviewPlanEvent = keyof typeof reviewPlanMachine.transitions;

/**
 * One expert on one application. `proposed` rows belong to an assignment not sent yet; the expert
 * answers an invitation by accepting (declaring no conflict), declining with a reason, or declaring a
 * conflict; only an accepted invitation opens the application, and a submitted one is reopened only
 * by the organiser.
 */
export const reviewAssignmentStates = [
  "proposed",
  "invited",
  "accepted",
  "submitted",
  "declined",
  "conflicted",
  "withdrawn",
] as const;
export type ReviewAssignmentState = (typeof reviewAssignmentStates)[number];

export const reviewAssignmentMachine = defineMachine({
  name: "review assignment",
  states: reviewAssignmentStates,
  labels: {
    proposed: { zh: "拟分配", en: "proposed" },
    invited: { zh: "待确认", en: "invited" },
    accepted: { zh: "评审中", en: "reviewing" },
    submitted: { zh: "已提交", en: "submitted" },
    declined: { zh: "已谢绝", en: "declined" },
    conflicted: { zh: "已申报回避", en: "conflict declared" },
    withdrawn: { zh: "已撤换", en: "replaced" },
  },
  transitions: {
    publish: { from: ["proposed"], to: "invited", roles: organisers },
    accept: { from: ["invited"], to: "accepted", roles: ["expert"] },
    decline: { from: ["invited"], to: "declined", roles: ["expert"] },
    declareConflict: { from: ["invited"], to: "conflicted", roles: ["expert"] },
    submit: { from: ["accepted"], to: "submitted", roles: ["expert"] },
    reopen: { from: ["submitted"], to: "accepted", roles: organisers },
    replace: { from: ["proposed", "invited"], to: "withdrawn", roles: organisers },
  },
});
export type ReviewAssignmentEvent = keyof typeof reviewAssignmentMachine.transitions;

/** Rows that hold a place on the application: every other state has given it up. */
export const activeAssignmentStates: readonly ReviewAssignmentState[] = [
  "proposed",
  "invited",
  "accepted",
  "submitted",
];

export const declineReasons = ["conflict", "outsideExpertise", "unavailable"] as const;
export type DeclineReason = (typeof declineReasons)[number];
export const declineReasonNames: Record<DeclineReason, { zh: string; en: string }> = {
  conflict: { zh: "存在利益关系", en: "Conflict of interest" },
  outsideExpertise: { zh: "不属于本人专业领域", en: "Outside my expertise" },
  unavailable: { zh: "时间冲突", en: "Unavailable" },
};

/** Who organises a program's review under the policy; null where the program has none of this kind. */
export function reviewOrganiserFor(
  policy: Pick<Policy, "expertReview">,
  program: string,
): { organiser: ReviewOrganiser; source: Policy["expertReview"]["organisers"][number]["source"] } | null {
  const found = policy.expertReview.organisers.find((o) => o.programs.includes(program));
  return found ? { organiser: found.organiser, source: found.source } : null;
}
