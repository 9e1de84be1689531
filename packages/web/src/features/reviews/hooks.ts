import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  acceptAssignment,
  createEntrustment,
  createReviewPlan,
  type DeclareConflictInput,
  type DeclineInput,
  declareConflict,
  declineAssignment,
  type EntrustmentInput,
  fetchEntrustments,
  fetchMyReviews,
  fetchReviewableCalls,
  fetchReviewPlan,
  fetchReviewWork,
  type HorseRaceInput,
  markHorseRace,
  type OverrideInput,
  overrideAssignment,
  type PlanStep,
  type ReviewPlan,
  type ReviewSettingsInput,
  type ReviewWork,
  recordSiteVisit,
  reopenAssignment,
  runPlanStep,
  type ScoreSheetInput,
  type SiteVisitInput,
  saveReviewSettings,
  saveScoreSheet,
  signReviewCommitment,
  submitScoreSheet,
} from "../../api/reviews";

export const reviewCallsKey = ["reviews", "calls"] as const;
export const entrustmentsKey = ["reviews", "entrustments"] as const;
export const reviewPlanKey = (id: string) => ["review-plan", id] as const;
export const myReviewsKey = ["my-reviews"] as const;
export const reviewWorkKey = (id: string) => ["review-work", id] as const;

export function useReviewableCalls() {
  return useQuery({ queryKey: reviewCallsKey, queryFn: fetchReviewableCalls });
}

export function useEntrustments(enabled: boolean) {
  return useQuery({ queryKey: entrustmentsKey, queryFn: fetchEntrustments, enabled });
}

export function useReviewPlan(id: string) {
  return useQuery({ queryKey: reviewPlanKey(id), queryFn: () => fetchReviewPlan(id) });
}

export function useCreateReviewPlan() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createReviewPlan,
    onSuccess: (plan) => {
      qc.setQueryData(reviewPlanKey(plan.id), plan);
      qc.invalidateQueries({ queryKey: reviewCallsKey });
    },
  });
}

export function useCreateEntrustment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: EntrustmentInput) => createEntrustment(input),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: entrustmentsKey });
      // who may organise a call depends on the entrustments in force
      qc.invalidateQueries({ queryKey: reviewCallsKey });
    },
  });
}

/** Every plan change answers with the whole plan: put it in the cache, refresh the list of calls. */
function usePlanMutation<V>(id: string, fn: (vars: V) => Promise<ReviewPlan>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (plan) => {
      qc.setQueryData(reviewPlanKey(id), plan);
      qc.invalidateQueries({ queryKey: reviewCallsKey });
      qc.invalidateQueries({ queryKey: ["workspace"] });
    },
  });
}

export const useSaveReviewSettings = (id: string) =>
  usePlanMutation(id, (s: ReviewSettingsInput) => saveReviewSettings(id, s));
export const usePlanStep = (id: string) => usePlanMutation(id, (step: PlanStep) => runPlanStep(id, step));
export const useOverrideAssignment = (id: string) =>
  usePlanMutation(id, (v: { assignmentId: string } & OverrideInput) =>
    overrideAssignment(id, v.assignmentId, { expertId: v.expertId, reason: v.reason }),
  );
export const useReopenAssignment = (id: string) =>
  usePlanMutation(id, (v: { assignmentId: string; reason: string }) =>
    reopenAssignment(id, v.assignmentId, v.reason),
  );
export const useMarkHorseRace = (id: string) =>
  usePlanMutation(id, (v: HorseRaceInput) => markHorseRace(id, v));
export const useRecordSiteVisit = (id: string) =>
  usePlanMutation(id, (v: SiteVisitInput) => recordSiteVisit(id, v));

/** The expert's side. */
export function useMyReviews() {
  return useQuery({ queryKey: myReviewsKey, queryFn: fetchMyReviews });
}

/** The list answers with the whole list: put it in the cache. */
function useMyReviewsMutation<V>(fn: (vars: V) => ReturnType<typeof fetchMyReviews>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (list) => {
      qc.setQueryData(myReviewsKey, list);
      qc.invalidateQueries({ queryKey: ["workspace"] });
    },
  });
}

export const useSignCommitment = () => useMyReviewsMutation((planId: string) => signReviewCommitment(planId));
export const useDeclineAssignment = () =>
  useMyReviewsMutation((v: { id: string } & DeclineInput) =>
    declineAssignment(v.id, { reason: v.reason, note: v.note }),
  );
export const useDeclareConflict = () =>
  useMyReviewsMutation((v: { id: string } & DeclareConflictInput) => declareConflict(v.id, { note: v.note }));

export function useAcceptAssignment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: acceptAssignment,
    onSuccess: (work) => {
      qc.setQueryData(reviewWorkKey(work.id), work);
      qc.invalidateQueries({ queryKey: myReviewsKey });
      qc.invalidateQueries({ queryKey: ["workspace"] });
    },
  });
}

export function useReviewWork(id: string) {
  return useQuery({ queryKey: reviewWorkKey(id), queryFn: () => fetchReviewWork(id) });
}

function useWorkMutation(id: string, fn: (sheet: ScoreSheetInput) => Promise<ReviewWork>, list: boolean) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (work) => {
      qc.setQueryData(reviewWorkKey(id), work);
      if (list) {
        qc.invalidateQueries({ queryKey: myReviewsKey });
        qc.invalidateQueries({ queryKey: ["workspace"] });
      }
    },
  });
}

export const useSaveSheet = (id: string) => useWorkMutation(id, (s) => saveScoreSheet(id, s), false);
export const useSubmitSheet = (id: string) => useWorkMutation(id, (s) => submitScoreSheet(id, s), true);
