import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type AcceptanceInput,
  type AssessmentEvent,
  type AssessmentSheetInput,
  type ConclusionInput,
  type ConveneInput,
  concludeAssessment,
  conveneAssessment,
  type DistrictOpinionInput,
  decideProgressReport,
  fetchAssessmentCandidates,
  fetchMyAssessments,
  fetchProgressInbox,
  fetchTracking,
  fileProgressReport,
  giveDistrictOpinion,
  type ProgressDecisionInput,
  type ProgressNeed,
  type ProgressReportInput,
  type RegradeInput,
  type ReportEvent,
  regradeAcceptance,
  remindProgressReport,
  submitAcceptance,
  submitAssessmentSheet,
  type Tracking,
} from "../../api/tracking";
import { pickLang, useLocale } from "../../app/locale";
import { useCurrentUser } from "../auth/session";
import { projectListsKey } from "../decisions/hooks";
import { paymentsKey, projectKey } from "../execution/hooks";
import { usePolicy } from "../policies/hooks";

/** Under the project's key: whatever refreshes the project (a budget change, an extension) refreshes its tracking. */
export const trackingKey = (id: string) => [...projectKey(id), "tracking"] as const;
export const progressInboxKey = ["progress-reports"] as const;
export const myAssessmentsKey = ["assessments"] as const;

export function useTracking(id: string) {
  return useQuery({ queryKey: trackingKey(id), queryFn: () => fetchTracking(id) });
}

export function useProgressInbox(need: ProgressNeed) {
  return useQuery({ queryKey: [...progressInboxKey, need], queryFn: () => fetchProgressInbox(need) });
}

export function useAssessmentCandidates(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...trackingKey(id), "candidates"],
    queryFn: () => fetchAssessmentCandidates(id),
    enabled,
  });
}

export function useMyAssessments() {
  return useQuery({ queryKey: myAssessmentsKey, queryFn: fetchMyAssessments });
}

/**
 * A budget line's name: the Chinese name the server gives, or in English the name in the project's
 * policy version (fetched only then, and only when the version is known).
 */
export function useLineName(policyVersion?: string) {
  const me = useCurrentUser();
  const { lang } = useLocale();
  const policy = usePolicy(lang === "en" ? me.city?.code : undefined, policyVersion);
  return (code: string, nameZh: string) => {
    const c = policy.data?.budget.categories.find((x) => x.code === code);
    return lang === "en" && c ? pickLang(lang, c.nameZh, c.nameEn) : nameZh;
  };
}

/**
 * Every step answers with the project's tracking: it goes in the cache, and the project (its nodes
 * wait for the reports and the mid-term), the payments, the inboxes and the workspace refresh.
 */
export function useTrackingMutation<V>(id: string, fn: (vars: V) => Promise<Tracking>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (tracking) => {
      qc.setQueryData(trackingKey(id), tracking);
      // the project alone, not the tracking under its key that was just set
      qc.invalidateQueries({ queryKey: projectKey(id), exact: true });
      // the lists of what waits (an acceptance submitted, concluded, given the district's opinion)
      for (const queryKey of [paymentsKey, progressInboxKey, projectListsKey, ["workspace"]])
        qc.invalidateQueries({ queryKey });
    },
  });
}

export const useFileProgressReport = (id: string) =>
  useTrackingMutation(id, (body: ProgressReportInput) => fileProgressReport(id, body));

export const useDecideProgressReport = (id: string) =>
  useTrackingMutation(id, (v: { period: number; event: ReportEvent; body: ProgressDecisionInput }) =>
    decideProgressReport(id, v.period, v.event, v.body),
  );

export const useRemindProgressReport = (id: string) =>
  useTrackingMutation(id, (period: number) => remindProgressReport(id, period));

export const useConveneAssessment = (id: string) =>
  useTrackingMutation(id, (body: ConveneInput) => conveneAssessment(id, body));

export const useConcludeAssessment = (id: string) =>
  useTrackingMutation(id, (v: { assessmentId: string; event: AssessmentEvent; body: ConclusionInput }) =>
    concludeAssessment(id, v.assessmentId, v.event, v.body),
  );

export const useSubmitAcceptance = (id: string) =>
  useTrackingMutation(id, (body: AcceptanceInput) => submitAcceptance(id, body));

export const useRegradeAcceptance = (id: string) =>
  useTrackingMutation(id, (body: RegradeInput) => regradeAcceptance(id, body));

export const useGiveDistrictOpinion = (id: string) =>
  useTrackingMutation(id, (body: DistrictOpinionInput) => giveDistrictOpinion(id, body));

export function useSubmitAssessmentSheet() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; body: AssessmentSheetInput }) => submitAssessmentSheet(v.id, v.body),
    onSuccess: () => {
      for (const queryKey of [myAssessmentsKey, ["workspace"]]) qc.invalidateQueries({ queryKey });
    },
  });
}
